import { expect } from "chai";
import { network } from "hardhat";
import { id, Signature, TypedDataEncoder } from "ethers";

import {
  AUTH_TYPES,
  CANCEL_TYPES,
  domainOf,
  fundedStablecoin,
  HKD,
  PERMIT_TYPES,
  RECEIVE_TYPES,
  type StablecoinDeployment,
} from "../../scripts/lib/stablecoin.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;

const TWA = "transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)";
const TWA_BYTES = "transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)";
const RWA = "receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)";
const RWA_BYTES = "receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)";
const CANCEL = "cancelAuthorization(address,bytes32,uint8,bytes32,bytes32)";
const CANCEL_BYTES = "cancelAuthorization(address,bytes32,bytes)";
const PERMIT = "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)";
const PERMIT_BYTES = "permit(address,address,uint256,uint256,bytes)";

async function withWallet() {
  const d = await fundedStablecoin(connection);
  const wallet = await ethers.deployContract("StablecoinMockERC1271Wallet", [d.carol.address]);
  await d.token.connect(d.minter).mint(await wallet.getAddress(), 100n * HKD);
  return { ...d, wallet };
}

async function authorization(
  d: StablecoinDeployment,
  value: bigint,
  nonce: string,
  validAfter = 0n,
  validBefore?: bigint,
) {
  const before = validBefore ?? BigInt(await time.latest()) + 3600n;
  const message = { from: d.alice.address, to: d.bob.address, value, validAfter, validBefore: before, nonce };
  const sig = Signature.from(await d.alice.signTypedData(await domainOf(d.token, ethers), AUTH_TYPES, message));
  return { message, sig };
}

describe("HkdStablecoin gasless payments (deployed through deploy/modules/HkdStablecoin.ts)", function () {
  describe("REQ-STB-8 standard names, typehashes and EIP-712 domain", function () {
    it("exposes the EIP-3009 and EIP-2612 typehashes", async function () {
      const { token } = await networkHelpers.loadFixture(withWallet);
      expect(await token.TRANSFER_WITH_AUTHORIZATION_TYPEHASH()).to.equal(
        id(
          "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)",
        ),
      );
      expect(await token.RECEIVE_WITH_AUTHORIZATION_TYPEHASH()).to.equal(
        id(
          "ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)",
        ),
      );
      expect(await token.CANCEL_AUTHORIZATION_TYPEHASH()).to.equal(
        id("CancelAuthorization(address authorizer,bytes32 nonce)"),
      );
      expect(await token.PERMIT_TYPEHASH()).to.equal(
        id("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
      );
    });

    it("binds signatures to this chain and this contract (EIP-712 domain, ERC-5267)", async function () {
      const { token } = await networkHelpers.loadFixture(withWallet);
      const domain = await domainOf(token, ethers);
      expect(await token.DOMAIN_SEPARATOR()).to.equal(TypedDataEncoder.hashDomain(domain));
      const d = await token.eip712Domain();
      expect([d.fields, d.name, d.version, d.chainId, d.verifyingContract]).to.deep.equal([
        "0x0f",
        domain.name,
        "1",
        domain.chainId,
        domain.verifyingContract,
      ]);
    });
  });

  describe("REQ-STB-8 EIP-2612 permit", function () {
    it("sets the allowance from an owner's signature, emits Approval and uses the nonce", async function () {
      const { token, alice, bob, mallory } = await networkHelpers.loadFixture(withWallet);
      const deadline = BigInt(await time.latest()) + 3600n;
      const message = { owner: alice.address, spender: bob.address, value: 50n, nonce: 0n, deadline };
      const sig = Signature.from(await alice.signTypedData(await domainOf(token, ethers), PERMIT_TYPES, message));
      await expect(token.connect(mallory)[PERMIT](alice.address, bob.address, 50n, deadline, sig.v, sig.r, sig.s))
        .to.emit(token, "Approval")
        .withArgs(alice.address, bob.address, 50n);
      expect(await token.allowance(alice.address, bob.address)).to.equal(50n);
      expect(await token.nonces(alice.address)).to.equal(1n);
      // Replay: the nonce is now 1, so the same signature recovers to some other address.
      await expect(
        token.connect(mallory)[PERMIT](alice.address, bob.address, 50n, deadline, sig.v, sig.r, sig.s),
      ).to.be.revertedWithCustomError(token, "ERC2612InvalidSigner");
    });

    it("refuses an expired permit with ERC2612ExpiredSignature", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(withWallet);
      const deadline = BigInt(await time.latest()) - 1n;
      const message = { owner: alice.address, spender: bob.address, value: 1n, nonce: 0n, deadline };
      const sig = Signature.from(await alice.signTypedData(await domainOf(token, ethers), PERMIT_TYPES, message));
      await expect(token[PERMIT](alice.address, bob.address, 1n, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(token, "ERC2612ExpiredSignature")
        .withArgs(deadline);
    });

    it("refuses a permit signed by someone else with ERC2612InvalidSigner(signer, owner)", async function () {
      const { token, alice, bob, mallory } = await networkHelpers.loadFixture(withWallet);
      const deadline = BigInt(await time.latest()) + 3600n;
      const message = { owner: alice.address, spender: bob.address, value: 1n, nonce: 0n, deadline };
      const sig = Signature.from(await mallory.signTypedData(await domainOf(token, ethers), PERMIT_TYPES, message));
      await expect(token[PERMIT](alice.address, bob.address, 1n, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(token, "ERC2612InvalidSigner")
        .withArgs(mallory.address, alice.address);
    });

    it("accepts an ERC-1271 contract wallet's signature (bytes form)", async function () {
      const { token, wallet, carol, bob } = await networkHelpers.loadFixture(withWallet);
      const owner = await wallet.getAddress();
      const deadline = BigInt(await time.latest()) + 3600n;
      const message = { owner, spender: bob.address, value: 9n, nonce: 0n, deadline };
      const sig = await carol.signTypedData(await domainOf(token, ethers), PERMIT_TYPES, message);
      await expect(token[PERMIT_BYTES](owner, bob.address, 9n, deadline, sig))
        .to.emit(token, "Approval")
        .withArgs(owner, bob.address, 9n);
    });

    it("refuses a contract wallet signature the wallet does not accept", async function () {
      const { token, wallet, mallory, bob } = await networkHelpers.loadFixture(withWallet);
      const owner = await wallet.getAddress();
      const deadline = BigInt(await time.latest()) + 3600n;
      const message = { owner, spender: bob.address, value: 9n, nonce: 0n, deadline };
      const sig = await mallory.signTypedData(await domainOf(token, ethers), PERMIT_TYPES, message);
      await expect(token[PERMIT_BYTES](owner, bob.address, 9n, deadline, sig))
        .to.be.revertedWithCustomError(token, "ERC2612InvalidSigner")
        .withArgs(mallory.address, owner);
    });
  });

  describe("REQ-STB-8 EIP-3009 transferWithAuthorization", function () {
    it("moves the funds for anyone who submits the payer's signature and marks the nonce used", async function () {
      const d = await networkHelpers.loadFixture(withWallet);
      const { token, alice, bob, mallory } = d;
      const nonce = id("invoice 42");
      const { message: m, sig } = await authorization(d, 7n * HKD, nonce);
      const tx = token
        .connect(mallory)
        [TWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s);
      await expect(tx).to.emit(token, "AuthorizationUsed").withArgs(alice.address, nonce);
      await expect(tx)
        .to.emit(token, "Transfer")
        .withArgs(alice.address, bob.address, 7n * HKD);
      expect(await token.authorizationState(alice.address, nonce)).to.equal(true);
    });

    it("cannot be replayed (same nonce)", async function () {
      const d = await networkHelpers.loadFixture(withWallet);
      const nonce = id("n");
      const { message: m, sig } = await authorization(d, 1n, nonce);
      await d.token[TWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s);
      await expect(d.token[TWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(d.token, "EIP3009AuthorizationUsedOrCanceled")
        .withArgs(d.alice.address, nonce);
    });

    it("cannot be replayed on another chain or another contract", async function () {
      const d = await networkHelpers.loadFixture(withWallet);
      const domain = await domainOf(d.token, ethers);
      const before = BigInt(await time.latest()) + 3600n;
      const m = {
        from: d.alice.address,
        to: d.bob.address,
        value: 1n,
        validAfter: 0n,
        validBefore: before,
        nonce: id("x"),
      };
      for (const other of [
        { ...domain, chainId: domain.chainId + 1n },
        { ...domain, verifyingContract: d.bob.address },
        { ...domain, name: "Another HKD" },
      ]) {
        const sig = Signature.from(await d.alice.signTypedData(other, AUTH_TYPES, m));
        await expect(d.token[TWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s))
          .to.be.revertedWithCustomError(d.token, "EIP3009InvalidSignature")
          .withArgs(d.alice.address);
      }
    });

    it("refuses an authorisation that is not valid yet or has expired", async function () {
      const d = await networkHelpers.loadFixture(withWallet);
      const now = BigInt(await time.latest());
      const early = await authorization(d, 1n, id("early"), now + 100n, now + 200n);
      await time.setNextBlockTimestamp(now + 100n);
      let m = early.message;
      await expect(
        d.token[TWA](
          m.from,
          m.to,
          m.value,
          m.validAfter,
          m.validBefore,
          m.nonce,
          early.sig.v,
          early.sig.r,
          early.sig.s,
        ),
      )
        .to.be.revertedWithCustomError(d.token, "EIP3009AuthorizationNotYetValid")
        .withArgs(now + 100n, now + 100n);
      const late = await authorization(d, 1n, id("late"), 0n, now + 150n);
      m = late.message;
      await time.setNextBlockTimestamp(now + 150n);
      await expect(
        d.token[TWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, late.sig.v, late.sig.r, late.sig.s),
      )
        .to.be.revertedWithCustomError(d.token, "EIP3009AuthorizationExpired")
        .withArgs(now + 150n, now + 150n);
    });

    it("refuses a tampered amount (the signature no longer matches)", async function () {
      const d = await networkHelpers.loadFixture(withWallet);
      const { message: m, sig } = await authorization(d, 1n, id("t"));
      await expect(d.token[TWA](m.from, m.to, 2n, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(d.token, "EIP3009InvalidSignature")
        .withArgs(d.alice.address);
    });

    it("obeys the transfer pause and freezes, leaving the nonce unused", async function () {
      const d = await networkHelpers.loadFixture(withWallet);
      const { message: m, sig } = await authorization(d, 1n, id("p"));
      await d.token.connect(d.pauser).pause(1);
      await expect(d.token[TWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(d.token, "StablecoinPaused")
        .withArgs(1n);
      await d.token.connect(d.admin).unpause(1);
      await d.token.connect(d.compliance).freeze(d.alice.address);
      await expect(d.token[TWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(d.token, "StablecoinAccountFrozen")
        .withArgs(d.alice.address);
      expect(await d.token.authorizationState(d.alice.address, id("p"))).to.equal(false);
    });

    it("accepts an ERC-1271 contract wallet as payer (bytes form)", async function () {
      const { token, wallet, carol, bob } = await networkHelpers.loadFixture(withWallet);
      const from = await wallet.getAddress();
      const m = {
        from,
        to: bob.address,
        value: 3n,
        validAfter: 0n,
        validBefore: BigInt(await time.latest()) + 3600n,
        nonce: id("w"),
      };
      const sig = await carol.signTypedData(await domainOf(token, ethers), AUTH_TYPES, m);
      await expect(token[TWA_BYTES](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig))
        .to.emit(token, "Transfer")
        .withArgs(from, bob.address, 3n);
      await wallet.setAcceptAll(false);
      const bad = await bob.signTypedData(await domainOf(token, ethers), AUTH_TYPES, { ...m, nonce: id("w2") });
      await expect(token[TWA_BYTES](m.from, m.to, m.value, m.validAfter, m.validBefore, id("w2"), bad))
        .to.be.revertedWithCustomError(token, "EIP3009InvalidSignature")
        .withArgs(from);
    });
  });

  describe("REQ-STB-8 EIP-3009 receiveWithAuthorization", function () {
    it("moves the funds when the payee submits it", async function () {
      const { token, alice, bob } = await networkHelpers.loadFixture(withWallet);
      const m = {
        from: alice.address,
        to: bob.address,
        value: 4n,
        validAfter: 0n,
        validBefore: BigInt(await time.latest()) + 3600n,
        nonce: id("r"),
      };
      const sig = Signature.from(await alice.signTypedData(await domainOf(token, ethers), RECEIVE_TYPES, m));
      const tx = token
        .connect(bob)
        [RWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s);
      await expect(tx).to.emit(token, "AuthorizationUsed").withArgs(alice.address, id("r"));
      await expect(tx).to.changeTokenBalances(ethers, token, [alice, bob], [-4n, 4n]);
    });

    it("refuses a submission by anyone but the payee (front-running protection)", async function () {
      const { token, alice, bob, mallory } = await networkHelpers.loadFixture(withWallet);
      const m = {
        from: alice.address,
        to: bob.address,
        value: 4n,
        validAfter: 0n,
        validBefore: BigInt(await time.latest()) + 3600n,
        nonce: id("r"),
      };
      const sig = Signature.from(await alice.signTypedData(await domainOf(token, ethers), RECEIVE_TYPES, m));
      await expect(
        token.connect(mallory)[RWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s),
      )
        .to.be.revertedWithCustomError(token, "EIP3009CallerMustBePayee")
        .withArgs(mallory.address, bob.address);
      await expect(
        token.connect(mallory)[RWA_BYTES](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.serialized),
      )
        .to.be.revertedWithCustomError(token, "EIP3009CallerMustBePayee")
        .withArgs(mallory.address, bob.address);
    });

    it("does not accept a TransferWithAuthorization signature (different typehash)", async function () {
      const d = await networkHelpers.loadFixture(withWallet);
      const { message: m, sig } = await authorization(d, 1n, id("mix"));
      await expect(
        d.token.connect(d.bob)[RWA_BYTES](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.serialized),
      )
        .to.be.revertedWithCustomError(d.token, "EIP3009InvalidSignature")
        .withArgs(d.alice.address);
    });
  });

  describe("REQ-STB-8 EIP-3009 cancelAuthorization", function () {
    it("cancels an unused nonce, after which the authorisation cannot be used", async function () {
      const d = await networkHelpers.loadFixture(withWallet);
      const nonce = id("cancel me");
      const { message: m, sig } = await authorization(d, 1n, nonce);
      const c = Signature.from(
        await d.alice.signTypedData(await domainOf(d.token, ethers), CANCEL_TYPES, {
          authorizer: d.alice.address,
          nonce,
        }),
      );
      await expect(d.token[CANCEL](d.alice.address, nonce, c.v, c.r, c.s))
        .to.emit(d.token, "AuthorizationCanceled")
        .withArgs(d.alice.address, nonce);
      await expect(d.token[TWA](m.from, m.to, m.value, m.validAfter, m.validBefore, m.nonce, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(d.token, "EIP3009AuthorizationUsedOrCanceled")
        .withArgs(d.alice.address, nonce);
      await expect(d.token[CANCEL](d.alice.address, nonce, c.v, c.r, c.s))
        .to.be.revertedWithCustomError(d.token, "EIP3009AuthorizationUsedOrCanceled")
        .withArgs(d.alice.address, nonce);
    });

    it("refuses a cancellation not signed by the authorizer", async function () {
      const d = await networkHelpers.loadFixture(withWallet);
      const nonce = id("n");
      const c = await d.mallory.signTypedData(await domainOf(d.token, ethers), CANCEL_TYPES, {
        authorizer: d.alice.address,
        nonce,
      });
      await expect(d.token[CANCEL_BYTES](d.alice.address, nonce, c))
        .to.be.revertedWithCustomError(d.token, "EIP3009InvalidSignature")
        .withArgs(d.alice.address);
    });

    it("accepts a contract wallet's cancellation", async function () {
      const { token, wallet, carol } = await networkHelpers.loadFixture(withWallet);
      const authorizer = await wallet.getAddress();
      const c = await carol.signTypedData(await domainOf(token, ethers), CANCEL_TYPES, { authorizer, nonce: id("n") });
      await expect(token[CANCEL_BYTES](authorizer, id("n"), c)).to.emit(token, "AuthorizationCanceled");
    });
  });
});
