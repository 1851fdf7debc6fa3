using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StartClaude.Core.Teams;

/// <summary>
/// The signature that travels beside a team document's ciphertext, as object metadata on the same PUT:
/// who signed, under which member list, the document's serial, and an Ed25519 (XEdDSA for age keys)
/// signature over <see cref="Statement"/>, which binds all of that to the SHA-256 of the exact bytes stored.
/// </summary>
public sealed record TeamDocumentSignature(string SignedBy, string MembersId, long Serial, byte[] Signature)
{
    public const string SignatureHeader = "x-amz-meta-start-claude-signature";
    public const string SignedByHeader = "x-amz-meta-start-claude-signed-by";
    public const string MembersHeader = "x-amz-meta-start-claude-members";
    public const string SerialHeader = "x-amz-meta-start-claude-serial";

    /// <summary>The highest serial read or written: short of the 18 digits the metadata carries.</summary>
    public const long MaxSerial = 99_999_999_999_999_999;

    /// <summary>
    /// The most a serial may grow past the one a machine has seen: more writes than any team makes while a machine
    /// is away, and few enough that a member who jumps the serial cannot push it to <see cref="MaxSerial"/>, where
    /// no machine could write the next one.
    /// </summary>
    public const long MaxSerialStep = 1_000_000;

    private const string Header = "start-claude team document v1";

    /// <summary>The exact bytes signed (docs/teams.md): one field per line, LF-terminated.</summary>
    public static byte[] Statement(string team, string teamId, string key, string membersId, long serial, ReadOnlySpan<byte> body)
    {
        var text = new StringBuilder()
            .Append(Header).Append('\n')
            .Append("team ").Append(team).Append('\n')
            .Append("id ").Append(teamId).Append('\n')
            .Append("key ").Append(key).Append('\n')
            .Append("members ").Append(membersId).Append('\n')
            .Append("serial ").Append(serial.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("sha256 ").Append(Convert.ToHexStringLower(SHA256.HashData(body))).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public IReadOnlyDictionary<string, string> Headers() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SignatureHeader] = Convert.ToBase64String(Signature),
        [SignedByHeader] = SignedBy,
        [MembersHeader] = MembersId,
        [SerialHeader] = Serial.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The signature read from metadata (names in any case, with or without x-amz-meta-), or null when any part is missing or malformed.</summary>
    public static TeamDocumentSignature? Parse(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
            return null;
        string? Find(string header)
        {
            var bare = header["x-amz-meta-".Length..];
            foreach (var (name, value) in metadata)
            {
                if (name.Equals(header, StringComparison.OrdinalIgnoreCase) || name.Equals(bare, StringComparison.OrdinalIgnoreCase))
                    return value.Trim();
            }
            return null;
        }
        if (Find(SignatureHeader) is not { Length: 88 } signatureText
            || Find(SignedByHeader) is not { Length: > 0 and <= 80 } signedBy || !signedBy.All(c => c is > ' ' and <= '~')
            || Find(MembersHeader) is not { Length: 64 } members || !members.All(char.IsAsciiHexDigitLower)
            || Find(SerialHeader) is not { Length: > 0 and <= 18 } serialText || !serialText.All(char.IsAsciiDigit))
            return null;
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureText);
        }
        catch (FormatException)
        {
            return null;
        }
        return signature.Length == 64
            ? new TeamDocumentSignature(signedBy, members, long.Parse(serialText, NumberStyles.None, CultureInfo.InvariantCulture), signature)
            : null;
    }
}
