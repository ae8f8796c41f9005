// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IERC1643
/// @notice Document management (ERC-1643): offering documents and reports attached to a token by URI and hash.
interface IERC1643 {
    /// @notice Emitted after document `name` was set or replaced.
    event DocumentUpdated(bytes32 indexed name, string uri, bytes32 documentHash);
    /// @notice Emitted after document `name` was removed.
    event DocumentRemoved(bytes32 indexed name, string uri, bytes32 documentHash);

    /// @notice Sets or replaces document `name`.
    /// @param name Document name (e.g. "prospectus").
    /// @param uri Where the document can be fetched.
    /// @param documentHash Hash of the document's content.
    function setDocument(bytes32 name, string calldata uri, bytes32 documentHash) external;

    /// @notice Removes document `name`.
    function removeDocument(bytes32 name) external;

    /// @notice Document `name`: URI, content hash and the timestamp of its last change (all zero when absent).
    function getDocument(
        bytes32 name
    ) external view returns (string memory uri, bytes32 documentHash, uint256 lastModified);

    /// @notice Names of all documents.
    function getAllDocuments() external view returns (bytes32[] memory names);
}
