import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * HKD stablecoin + reserve attestation feed (issue 3).
 *
 * Deploys, in order: the ReserveAttestationFeed (Chainlink `AggregatorV3Interface`), the HkdStablecoinViews and
 * HkdStablecoinOps modules (the implementation's cold paths, ADR 0010), the HkdStablecoin implementation
 * (initialisers disabled), and an ERC-1967 proxy initialised in the same transaction. Use `token` (the full
 * `IHkdStablecoin` ABI at the proxy) for everything; `tokenAsImplementation` only adds `upgradeToAndCall`.
 *
 * Parameters (deploy/parameters/stablecoin.json, documented in deploy/parameters/README-stablecoin.md): every role
 * holder defaults to a distinct local account (0 admin, 1 master minter, 2 pauser, 3 compliance officer, 4 seizer,
 * 5 rescuer, 6 upgrader, 7 redemption operator, 8 attestor) so that a local deployment already has separated roles;
 * on a real network set each one to the multisig or HSM key that holds it.
 */
export default buildModule("HkdStablecoin", (m) => {
  const admin = m.getParameter("admin", m.getAccount(0));
  const adminDelay = m.getParameter("adminDelaySeconds", 2n * 24n * 3600n);
  const attestor = m.getParameter("attestor", m.getAccount(8));

  const feed = m.contract("ReserveAttestationFeed", [
    admin,
    adminDelay,
    attestor,
    m.getParameter("feedDecimals", 6n),
    m.getParameter("feedDescription", "HKD stablecoin reserves (attested)"),
  ]);

  const views = m.contract("HkdStablecoinViews", []);
  const ops = m.contract("HkdStablecoinOps", [views]);
  const implementation = m.contract("HkdStablecoin", [ops]);

  const initData = m.encodeFunctionCall(implementation, "initialize", [
    {
      name: m.getParameter("name", "Bauhinia Hong Kong Dollar"),
      symbol: m.getParameter("symbol", "HKDB"),
      admin,
      adminDelay,
      masterMinter: m.getParameter("masterMinter", m.getAccount(1)),
      pauser: m.getParameter("pauser", m.getAccount(2)),
      complianceOfficer: m.getParameter("complianceOfficer", m.getAccount(3)),
      seizer: m.getParameter("seizer", m.getAccount(4)),
      rescuer: m.getParameter("rescuer", m.getAccount(5)),
      upgrader: m.getParameter("upgrader", m.getAccount(6)),
      redemptionOperator: m.getParameter("redemptionOperator", m.getAccount(7)),
      reservePolicy: {
        feed,
        enabled: true,
        marginBps: m.getParameter("marginBps", 0n),
        maxAgeSeconds: m.getParameter("maxAttestationAgeSeconds", 2n * 24n * 3600n),
        delaySeconds: m.getParameter("policyDelaySeconds", 2n * 24n * 3600n),
      },
      cutoffSeconds: m.getParameter("cutoffSecondsHkt", 16n * 3600n),
      allowlistMode: m.getParameter("allowlistMode", false),
    },
  ]);

  const proxy = m.contract("ERC1967Proxy", [implementation, initData]);
  const token = m.contractAt("IHkdStablecoin", proxy, { id: "IHkdStablecoinAtProxy" });
  const tokenAsImplementation = m.contractAt("HkdStablecoin", proxy, { id: "HkdStablecoinAtProxy" });

  return { token, tokenAsImplementation, feed, implementation, ops, views, proxy };
});
