using System.Globalization;

namespace StartClaude.Core.Machines;

/// <summary>
/// The machine-list version a replaced passphrase key was made for, kept inside <c>KEY.keys.age</c> (a comment
/// line of the identity file, so stock age reads it as before). The passphrase seals it, so only the person can
/// write it: a joining machine accepts only a list that starts at <see cref="ListId"/> and holds this version,
/// which a document put back from before the replacement does not.
/// </summary>
public sealed record PassphraseKeyPin(string ListId, int Seq, string EntryId)
{
    private const string Prefix = "# start-claude machine list: ";

    public string ToLine() => $"{Prefix}{ListId} version {Seq.ToString(CultureInfo.InvariantCulture)} {EntryId}";

    /// <summary>The pin in an identity file's text; null when there is none (a key made at the switch-over) or it is not well formed.</summary>
    public static PassphraseKeyPin? Find(string fileText)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        foreach (var line in fileText.Split('\n'))
        {
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
                continue;
            var parts = line[Prefix.Length..].TrimEnd('\r').Split(' ');
            if (parts is [var listId, "version", var seqText, var entryId] && IsId(listId) && IsId(entryId)
                && int.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0)
                return new PassphraseKeyPin(listId, seq, entryId);
        }
        return null;
    }

    private static bool IsId(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);
}
