import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Deploys the circuit breaker (`contracts/risk/CircuitBreaker.sol`, not upgradeable: docs/adr/0031) and grants its
 * operational roles. Assets are configured afterwards by the admin with `setAssetConfig` (one call per asset, with
 * the asset's feed and parameters; defaults in deploy/parameters/circuit-breaker.json), and on an L2 the
 * sequencer-uptime feed with `setSequencerFeed`.
 *
 * Parameters (module `CircuitBreaker`, see deploy/parameters/README-circuit-breaker.md):
 * - `adminDelaySec`: delay of a default-admin handover (two-step, OpenZeppelin AccessControlDefaultAdminRules).
 * - `admin`: the default admin (configuration, `resumeAll`, role grants); defaults to the deployer.
 * - `riskOfficer`: RISK_ROLE (halt one asset, resume it); defaults to the deployer.
 * - `pauser`: PAUSER_ROLE (halt every asset); defaults to the deployer.
 */
export default buildModule("CircuitBreaker", (m) => {
  const deployer = m.getAccount(0);
  const adminDelaySec = m.getParameter("adminDelaySec", 86_400n);
  const admin = m.getParameter("admin", deployer);
  const riskOfficer = m.getParameter("riskOfficer", deployer);
  const pauser = m.getParameter("pauser", deployer);

  const breaker = m.contract("CircuitBreaker", [adminDelaySec, admin, riskOfficer, pauser]);
  return { breaker };
});
