import GuardedSecurityTokenModule from "../../deploy/modules/GuardedSecurityToken.js";
import { gasOf, type BenchSuite } from "./types.js";

const HK = 344;
const SG = 702;
const PROFESSIONAL = 2;
const PRICE = 100_00000000n; // HKD 100.00 on an 8-decimal feed

/**
 * The security token's warm transfer with the circuit breaker consulted (issue 5, Wiring), in the same setting as
 * `security.transfer.warm` (three rules bound, single-wallet investors, both balances non-zero), deployed through
 * `deploy/modules/GuardedSecurityToken.ts`. The breaker's reference is already anchored (steady state), so the row
 * measures a healthy, in-band `enforce` including the cold read of the price feed.
 */
export const guardedSuite: BenchSuite = async ({ ethers, ignition, networkHelpers }) => {
  const [, alice, bob] = await ethers.getSigners();
  if (alice === undefined || bob === undefined) throw new Error("the guarded bench needs three accounts");
  const feed = await ethers.deployContract("MockAggregatorV3", [8, PRICE]);
  const deployed = await ignition.deploy(GuardedSecurityTokenModule, {
    parameters: {
      SecurityToken: {
        countryMode: 1,
        countries: [HK, SG],
        minimumInvestorClass: PROFESSIONAL,
        maxBalancePerInvestor: 1_000_000_000n,
      },
      GuardedSecurityToken: { priceFeed: await feed.getAddress() },
    },
  });
  const token = await ethers.getContractAt("SecurityToken", deployed.token);
  const registry = await ethers.getContractAt("IdentityRegistry", deployed.registry);
  const breaker = await ethers.getContractAt("CircuitBreaker", deployed.breaker);
  const kycEnd = BigInt(await networkHelpers.time.latest()) + 365n * 86_400n;
  await gasOf(
    registry.batchRegisterInvestors(
      [alice.address, bob.address],
      [HK, HK],
      [PROFESSIONAL, PROFESSIONAL],
      [kycEnd, kycEnd],
    ),
  );
  await gasOf(token.mint(alice.address, 1_000_000n));
  await gasOf(token.mint(bob.address, 1_000_000n));
  await gasOf(breaker.check(token)); // anchors the reference

  const warm = await gasOf(token.connect(alice).transfer(bob.address, 1_000n));
  // The same transfer with the guard unset: the difference is what consulting the breaker costs.
  await gasOf(token.setTradingGuard(ethers.ZeroAddress));
  const unguarded = await gasOf(token.connect(alice).transfer(bob.address, 1_000n));
  return [
    { name: "security.transfer.warm.breaker", gasUsed: warm, reference: "security.transfer.warm" },
    {
      name: "security.transfer.breaker.added",
      gasUsed: warm - unguarded,
      note: "security.transfer.warm.breaker − the same transfer with no guard set (feed read included)",
    },
  ];
};
