// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

import {IHkdStablecoin} from "../../contracts/interfaces/IHkdStablecoin.sol";
import {HkdStablecoin} from "../../contracts/stablecoin/HkdStablecoin.sol";
import {HkdStablecoinOps} from "../../contracts/stablecoin/HkdStablecoinOps.sol";
import {HkdStablecoinViews} from "../../contracts/stablecoin/HkdStablecoinViews.sol";
import {ReserveAttestationFeed} from "../../contracts/stablecoin/ReserveAttestationFeed.sol";

/// @notice Drives the stablecoin through random sequences of mint, burn, attest, transfer, EIP-3009 payments,
///         redemption (request, fulfil, reject), freeze, seizure and minter re-configuration, recording ghost values
///         for the invariants INV-STB-1..6 (docs/threat-model.md).
contract StablecoinHandler is Test {
    IHkdStablecoin public token;
    ReserveAttestationFeed public feed;

    address public masterMinter = makeAddr("masterMinter");
    address public attestor = makeAddr("attestor");
    address public compliance = makeAddr("compliance");
    address public seizer = makeAddr("seizer");
    address public operator = makeAddr("operator");
    address public custodian = makeAddr("custodian");

    address[2] public minters;
    uint256[3] internal _holderKeys;
    address[3] public holders;

    // Ghosts.
    uint256 public supplyAtLastAttestation;
    uint256 public mintsAboveReserves; // INV-STB-1: must stay 0
    mapping(address minter => uint256) public allowanceSetByMasterMinter; // INV-STB-3
    mapping(address minter => uint256) public mintedSinceConfigured; // INV-STB-3
    uint256 public allowanceRoseWithoutMasterMinter; // INV-STB-3: must stay 0
    uint256 public frozenBalanceChangedWithoutSeizure; // INV-STB-4: must stay 0
    mapping(address authorizer => mapping(bytes32 nonce => uint256)) public nonceUses; // INV-STB-5
    uint256 public nonceUsedTwice; // INV-STB-5: must stay 0
    bytes32[] internal _usedNonces;
    address[] internal _usedAuthorizers;
    uint256 public successfulCalls;

    constructor(IHkdStablecoin token_, ReserveAttestationFeed feed_) {
        token = token_;
        feed = feed_;
        minters = [makeAddr("minterA"), makeAddr("minterB")];
        for (uint256 i = 0; i < 3; ++i) {
            _holderKeys[i] = (uint256(keccak256(abi.encode("holder", i))) % (2 ** 200)) + 1;
            holders[i] = vm.addr(_holderKeys[i]);
        }
    }

    /// @dev Around every action except seizure: frozen balances must not move (INV-STB-4), and no minter's allowance
    ///      may rise (INV-STB-3).
    modifier watched(bool seizure, bool configures) {
        uint256[3] memory before;
        bool[3] memory frozen;
        uint256[2] memory allowances;
        for (uint256 i = 0; i < 3; ++i) {
            before[i] = token.balanceOf(holders[i]);
            frozen[i] = token.isFrozen(holders[i]);
        }
        for (uint256 i = 0; i < 2; ++i) allowances[i] = token.minterConfig(minters[i]).allowance;
        _;
        for (uint256 i = 0; i < 3; ++i) {
            if (!seizure && frozen[i] && token.balanceOf(holders[i]) != before[i]) ++frozenBalanceChangedWithoutSeizure;
        }
        if (!configures) {
            for (uint256 i = 0; i < 2; ++i) {
                if (token.minterConfig(minters[i]).allowance > allowances[i]) ++allowanceRoseWithoutMasterMinter;
            }
        }
    }

    function mint(uint256 minterSeed, uint256 holderSeed, uint256 amount) external watched(false, false) {
        address m = minters[minterSeed % 2];
        amount = _bound(amount, 1, 2_000_000e6);
        vm.prank(m);
        try token.mint(holders[holderSeed % 3], amount) {
            ++successfulCalls;
            mintedSinceConfigured[m] += amount;
            (, uint256 mintable, ) = token.reserves();
            if (token.totalSupply() > mintable) ++mintsAboveReserves;
        } catch {}
    }

    function burn(uint256 minterSeed, uint256 amount) external watched(false, false) {
        address m = minters[minterSeed % 2];
        amount = _bound(amount, 1, 1_000_000e6);
        vm.prank(m);
        try token.burn(amount) {
            ++successfulCalls;
        } catch {}
    }

    function mintToMinterAndBurn(uint256 minterSeed, uint256 amount) external watched(false, false) {
        address m = minters[minterSeed % 2];
        amount = _bound(amount, 1, 1_000_000e6);
        vm.startPrank(m);
        try token.mint(m, amount) {
            mintedSinceConfigured[m] += amount;
            (, uint256 mintable, ) = token.reserves();
            if (token.totalSupply() > mintable) ++mintsAboveReserves;
            token.burn(amount);
            ++successfulCalls;
        } catch {}
        vm.stopPrank();
    }

    function attest(uint256 reserves, uint256 dt) external watched(false, false) {
        vm.warp(block.timestamp + _bound(dt, 1, 3 days));
        // Mostly honest reserves around the supply; sometimes a shortfall (reserves below supply).
        reserves = _bound(reserves, 0, token.totalSupply() * 2 + 10_000_000e6);
        vm.prank(attestor);
        feed.attest(int256(reserves), uint64(block.timestamp), keccak256(abi.encode(reserves, block.timestamp)));
        supplyAtLastAttestation = token.totalSupply();
        ++successfulCalls;
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external watched(false, false) {
        address from = holders[fromSeed % 3];
        amount = _bound(amount, 0, token.balanceOf(from) + 1);
        vm.prank(from);
        try token.transfer(holders[toSeed % 3], amount) {
            ++successfulCalls;
        } catch {}
    }

    function transferWithAuthorization(
        uint256 fromSeed,
        uint256 toSeed,
        uint256 amount,
        uint256 nonceSeed,
        bool replay
    ) external watched(false, false) {
        _transferWithAuthorization(fromSeed, toSeed, amount, nonceSeed, replay);
    }

    function _transferWithAuthorization(
        uint256 fromSeed,
        uint256 toSeed,
        uint256 amount,
        uint256 nonceSeed,
        bool replay
    ) private {
        uint256 i = fromSeed % 3;
        address from = holders[i];
        bytes32 nonce =
            replay && _usedNonces.length > 0
                ? _usedNonces[nonceSeed % _usedNonces.length]
                : keccak256(abi.encode(nonceSeed));
        if (replay && _usedAuthorizers.length > 0) from = _usedAuthorizers[nonceSeed % _usedAuthorizers.length];
        for (uint256 k = 0; k < 3; ++k) if (holders[k] == from) i = k;
        amount = _bound(amount, 0, token.balanceOf(from));
        _signAndPay(i, from, holders[toSeed % 3], amount, nonce);
    }

    function _signAndPay(uint256 i, address from, address to, uint256 amount, bytes32 nonce) private {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_holderKeys[i], _authDigest(from, to, amount, nonce));
        try token.transferWithAuthorization(from, to, amount, 0, block.timestamp + 1 hours, nonce, v, r, s) {
            ++successfulCalls;
            _recordNonce(from, nonce);
        } catch {}
    }

    function cancelAuthorization(uint256 fromSeed, uint256 nonceSeed) external watched(false, false) {
        uint256 i = fromSeed % 3;
        bytes32 nonce = keccak256(abi.encode(nonceSeed));
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                token.DOMAIN_SEPARATOR(),
                keccak256(abi.encode(token.CANCEL_AUTHORIZATION_TYPEHASH(), holders[i], nonce))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_holderKeys[i], digest);
        try token.cancelAuthorization(holders[i], nonce, v, r, s) {
            ++successfulCalls;
            _recordNonce(holders[i], nonce);
        } catch {}
    }

    function requestRedemption(uint256 holderSeed, uint256 amount) external watched(false, false) {
        address h = holders[holderSeed % 3];
        amount = _bound(amount, 1, token.balanceOf(h) + 1);
        vm.prank(h);
        try token.requestRedemption(amount, bytes32(amount)) {
            ++successfulCalls;
        } catch {}
    }

    function fulfil(uint256 idSeed) external watched(false, false) {
        uint256 count = token.redemptionCount();
        if (count == 0) return;
        vm.prank(operator);
        try token.fulfil((idSeed % count) + 1, bytes32(idSeed)) {
            ++successfulCalls;
        } catch {}
    }

    function reject(uint256 idSeed) external watched(false, false) {
        uint256 count = token.redemptionCount();
        if (count == 0) return;
        vm.prank(operator);
        try token.reject((idSeed % count) + 1, bytes32(idSeed)) {
            ++successfulCalls;
        } catch {}
    }

    function freeze(uint256 holderSeed, bool unfreeze_) external watched(false, false) {
        vm.prank(compliance);
        if (unfreeze_) token.unfreeze(holders[holderSeed % 3]);
        else token.freeze(holders[holderSeed % 3]);
        ++successfulCalls;
    }

    function seize(uint256 holderSeed, uint256 amount) external watched(true, false) {
        address h = holders[holderSeed % 3];
        amount = _bound(amount, 1, token.balanceOf(h) + 1);
        vm.prank(seizer);
        try token.seize(h, custodian, amount, bytes32(amount)) {
            ++successfulCalls;
        } catch {}
    }

    function seizeRedemption(uint256 idSeed) external watched(true, false) {
        uint256 count = token.redemptionCount();
        if (count == 0) return;
        vm.prank(seizer);
        try token.seizeRedemption((idSeed % count) + 1, custodian, bytes32(idSeed)) {
            ++successfulCalls;
        } catch {}
    }

    function configureMinter(uint256 minterSeed, uint256 allowance) external watched(false, true) {
        address m = minters[minterSeed % 2];
        allowance = _bound(allowance, 0, 50_000_000e6);
        vm.prank(masterMinter);
        token.configureMinter(
            m,
            IHkdStablecoin.MinterConfig({
                allowance: uint128(allowance),
                perTxCap: 2_000_000e6,
                windowLimit: 5_000_000e6,
                windowSeconds: 1 days
            })
        );
        allowanceSetByMasterMinter[m] = allowance;
        mintedSinceConfigured[m] = 0;
        ++successfulCalls;
    }

    function warp(uint256 dt) external watched(false, false) {
        vm.warp(block.timestamp + _bound(dt, 1, 2 days));
    }

    function _authDigest(address from, address to, uint256 amount, bytes32 nonce) private view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                token.TRANSFER_WITH_AUTHORIZATION_TYPEHASH(),
                from,
                to,
                amount,
                0,
                block.timestamp + 1 hours,
                nonce
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
    }

    function _recordNonce(address authorizer, bytes32 nonce) private {
        if (++nonceUses[authorizer][nonce] > 1) ++nonceUsedTwice;
        _usedNonces.push(nonce);
        _usedAuthorizers.push(authorizer);
    }
}

/// @notice Invariants INV-STB-1..6 of HkdStablecoin (IDs as in the contract header and docs/threat-model.md).
contract HkdStablecoinInvariantsTest is Test {
    IHkdStablecoin internal token;
    ReserveAttestationFeed internal feed;
    StablecoinHandler internal handler;

    function setUp() public {
        vm.warp(1_800_000_000);
        address admin = address(this);
        feed = new ReserveAttestationFeed(admin, 0, address(0), 6, "reserves");
        HkdStablecoin implementation = new HkdStablecoin(
            address(new HkdStablecoinOps(address(new HkdStablecoinViews())))
        );
        // Placeholder role holders are replaced by the handler's actors below.
        IHkdStablecoin.InitParams memory p = IHkdStablecoin.InitParams({
            name: "Bauhinia Hong Kong Dollar",
            symbol: "HKDB",
            admin: admin,
            adminDelay: 0,
            masterMinter: admin,
            pauser: admin,
            complianceOfficer: admin,
            seizer: admin,
            rescuer: admin,
            upgrader: admin,
            redemptionOperator: admin,
            reservePolicy: IHkdStablecoin.ReservePolicy({
                feed: address(feed),
                enabled: true,
                marginBps: 500,
                maxAgeSeconds: 2 days,
                delaySeconds: 2 days
            }),
            cutoffSeconds: 16 hours,
            allowlistMode: false
        });
        token = IHkdStablecoin(
            address(new ERC1967Proxy(address(implementation), abi.encodeCall(HkdStablecoin.initialize, (p))))
        );
        handler = new StablecoinHandler(token, feed);

        feed.grantRole(feed.ATTESTOR_ROLE(), handler.attestor());
        token.grantRole(token.MASTER_MINTER_ROLE(), handler.masterMinter());
        token.grantRole(token.COMPLIANCE_ROLE(), handler.compliance());
        token.grantRole(token.SEIZER_ROLE(), handler.seizer());
        token.grantRole(token.REDEMPTION_OPERATOR_ROLE(), handler.operator());
        for (uint256 i = 0; i < 2; ++i) handler.configureMinter(i, 20_000_000e6);
        handler.attest(5_000_000e6, 1);

        targetContract(address(handler));
    }

    /// INV-STB-1 totalSupply <= attested reserves (after the margin) at every mint; hence at any time
    /// totalSupply <= max(attested reserves, supply when the latest attestation was posted).
    function invariant_INV_STB_1_supplyBackedByAttestedReserves() public view {
        assertEq(handler.mintsAboveReserves(), 0);
        (uint256 attested, , ) = token.reserves();
        uint256 bound_ = attested > handler.supplyAtLastAttestation() ? attested : handler.supplyAtLastAttestation();
        assertLe(token.totalSupply(), bound_);
    }

    /// INV-STB-2 Σ balances (holders, minters, custodian, redemption escrow) == totalSupply.
    function invariant_INV_STB_2_balancesSumToSupply() public view {
        uint256 sum = token.balanceOf(address(token)) + token.balanceOf(handler.custodian());
        for (uint256 i = 0; i < 3; ++i) sum += token.balanceOf(handler.holders(i));
        for (uint256 i = 0; i < 2; ++i) sum += token.balanceOf(handler.minters(i));
        assertEq(sum, token.totalSupply());
    }

    /// INV-STB-3 a minter's allowance only falls on mint; only the master minter raises it.
    function invariant_INV_STB_3_allowanceOnlyRaisedByMasterMinter() public view {
        assertEq(handler.allowanceRoseWithoutMasterMinter(), 0);
        for (uint256 i = 0; i < 2; ++i) {
            address m = handler.minters(i);
            assertEq(
                token.minterConfig(m).allowance,
                handler.allowanceSetByMasterMinter(m) - handler.mintedSinceConfigured(m)
            );
        }
    }

    /// INV-STB-4 a frozen account's balance changes only by seizure.
    function invariant_INV_STB_4_frozenBalancesMoveOnlyBySeizure() public view {
        assertEq(handler.frozenBalanceChangedWithoutSeizure(), 0);
    }

    /// INV-STB-5 an EIP-3009 authorisation nonce is used (or cancelled) at most once.
    function invariant_INV_STB_5_authorizationNonceUsedOnce() public view {
        assertEq(handler.nonceUsedTwice(), 0);
    }

    /// INV-STB-6 the escrow holds exactly the pending redemption requests.
    function invariant_INV_STB_6_escrowEqualsPendingRequests() public view {
        uint256 pending;
        uint256 count = token.redemptionCount();
        for (uint256 id = 1; id <= count; ++id) {
            IHkdStablecoin.Redemption memory r = token.redemption(id);
            if (r.status == IHkdStablecoin.RedemptionStatus.Pending) pending += r.amount;
        }
        assertEq(token.balanceOf(address(token)), pending);
    }

    /// The handler must actually exercise the token (guards against a vacuous campaign).
    function invariant_handlerMakesProgress() public view {
        assertGt(handler.successfulCalls(), 0);
    }
}
