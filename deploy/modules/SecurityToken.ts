import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Permissioned security token suite: the shared investor registry, the ERC-3643 token behind an ERC-1967 (UUPS)
 * proxy with its admin library, the extension compliance (bound, not yet set on the token) and the common rules
 * bound from the parameters (`deploy/parameters/security-token.json`, documented in
 * `deploy/parameters/README-security-token.md`).
 *
 * Every role starts with the deployer (account 0); hand them to their holders afterwards (`grantRole`,
 * `beginDefaultAdminTransfer`), as the runbook in the parameters README says.
 */
export default buildModule("SecurityToken", (m) => {
  const deployer = m.getAccount(0);
  const name = m.getParameter("name", "Bauhinia Green Bond 2030");
  const symbol = m.getParameter("symbol", "BGB30");
  const decimals = m.getParameter("decimals", 0);
  const adminDelay = m.getParameter("adminDelaySeconds", 86_400);
  const countryMode = m.getParameter("countryMode", 1); // 0 none, 1 allow list, 2 deny list
  const countries = m.getParameter("countries", [344]); // ISO-3166 numeric (344 = Hong Kong)
  const minimumInvestorClass = m.getParameter("minimumInvestorClass", 2); // 2 = professional
  const maxBalancePerInvestor = m.getParameter("maxBalancePerInvestor", 0n);
  const maxHolders = m.getParameter("maxHolders", 0);
  const supplyCap = m.getParameter("supplyCap", 0n);

  const registry = m.contract("IdentityRegistry", [adminDelay, deployer]);
  const registryAgentRole = m.staticCall(registry, "REGISTRY_AGENT_ROLE");
  m.call(registry, "grantRole", [registryAgentRole, deployer], { id: "GrantRegistryAgent" });

  const admin = m.library("SecurityTokenAdmin");
  const implementation = m.contract("SecurityToken", [], { libraries: { SecurityTokenAdmin: admin } });
  const initialize = m.encodeFunctionCall(implementation, "initialize", [
    name,
    symbol,
    decimals,
    registry,
    deployer,
    adminDelay,
    deployer,
    deployer,
    deployer,
  ]);
  const proxy = m.contract("ERC1967Proxy", [implementation, initialize]);
  const token = m.contractAt("SecurityToken", proxy, { id: "SecurityTokenAtProxy" });

  m.call(registry, "bindToken", [token]);
  m.call(token, "setCountryMode", [countryMode]);
  m.call(token, "setCountries", [countries, true]);
  m.call(token, "setMinimumInvestorClass", [minimumInvestorClass]);
  m.call(token, "setMaxBalancePerInvestor", [maxBalancePerInvestor]);
  m.call(token, "setMaxHolders", [maxHolders]);
  m.call(token, "setSupplyCap", [supplyCap]);

  const compliance = m.contract("ModularCompliance", [adminDelay, deployer]);
  const complianceAdminRole = m.staticCall(compliance, "COMPLIANCE_ADMIN_ROLE");
  const grant = m.call(compliance, "grantRole", [complianceAdminRole, deployer], { id: "GrantComplianceAdmin" });
  m.call(compliance, "bindToken", [token], { after: [grant] });

  return { registry, token, implementation, admin, compliance };
});
