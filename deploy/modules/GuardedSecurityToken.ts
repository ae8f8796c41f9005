import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import CircuitBreakerModule from "./CircuitBreaker.js";
import SecurityTokenModule from "./SecurityToken.js";

/**
 * The security token wired to the circuit breaker (issue 5, "Wiring"): deploys the security token suite and the
 * breaker through their own modules, configures the token as a breaker asset with its price feed, and only then sets
 * the breaker as the token's trading guard (an unconfigured asset is halted: docs/adr/0030), so investor-to-investor
 * transfers are halted on a >10% move or an unhealthy oracle while agent actions stay open.
 *
 * Parameters (module `GuardedSecurityToken`; the `SecurityToken` and `CircuitBreaker` modules take their own):
 * - `priceFeed` (required): the asset's Chainlink-compatible price feed (`AggregatorV3Interface`).
 * - `thresholdBps` (1000 = 10%), `maxStalenessSec` (3600), `windowSec` (300), `coolOffSec` (300),
 *   `escalationWindowSec` (86400), `minPrice` / `maxPrice` (0 = no bound, in the feed's units).
 *
 * The breaker's default admin must be the deployer while this module runs (the `CircuitBreaker` module's default).
 */
export default buildModule("GuardedSecurityToken", (m) => {
  const securityToken = m.useModule(SecurityTokenModule);
  const { breaker } = m.useModule(CircuitBreakerModule);
  const { token } = securityToken;

  const config = {
    feed: m.getParameter("priceFeed"),
    thresholdBps: m.getParameter("thresholdBps", 1_000),
    maxStalenessSec: m.getParameter("maxStalenessSec", 3_600),
    windowSec: m.getParameter("windowSec", 300),
    coolOffSec: m.getParameter("coolOffSec", 300),
    escalationWindowSec: m.getParameter("escalationWindowSec", 86_400),
    minPrice: m.getParameter("minPrice", 0n),
    maxPrice: m.getParameter("maxPrice", 0n),
  };
  const configured = m.call(breaker, "setAssetConfig", [token, config]);
  m.call(token, "setTradingGuard", [breaker], { after: [configured] });

  return { ...securityToken, breaker };
});
