import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * TEST ONLY: deploys the plain OpenZeppelin ERC-20 that the gas benchmark uses as its reference row.
 * Never deploy this to a real network: anyone can mint.
 */
export default buildModule("ReferenceToken", (m) => {
  const name = m.getParameter("name", "Reference Token");
  const symbol = m.getParameter("symbol", "REF");
  const token = m.contract("ReferenceERC20", [name, symbol]);
  return { token };
});
