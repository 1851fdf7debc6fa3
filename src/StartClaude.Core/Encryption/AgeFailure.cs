namespace StartClaude.Core.Encryption;

/// <summary>Why an age file could not be decrypted, in the age test suite's terms.</summary>
public enum AgeFailure
{
    /// <summary>The header is malformed or uses something this implementation refuses.</summary>
    Header,

    /// <summary>No stanza opens with the identity given (for a passphrase: the wrong passphrase).</summary>
    NoMatch,

    /// <summary>The header's MAC does not match: the header was changed.</summary>
    Hmac,

    /// <summary>The payload is truncated, extended or changed.</summary>
    Payload,

    /// <summary>The ASCII armor around the file is malformed.</summary>
    Armor,
}

/// <summary>An age file that cannot be decrypted; nothing of its plaintext is released.</summary>
public sealed class AgeException(AgeFailure failure, string message) : Exception(message)
{
    public AgeFailure Failure { get; } = failure;
}
