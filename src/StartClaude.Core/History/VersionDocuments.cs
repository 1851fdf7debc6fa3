using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Core.History;

/// <summary>The documents of listed versions, each read and opened in its own form, or why it could not be.</summary>
public static class VersionDocuments
{
    public static async Task<IReadOnlyList<(ConfigDocument? Document, string? Problem)>> ReadAllAsync(
        RemoteVersionStore versions, VersionDecoder decoder, IReadOnlyList<RemoteVersion> listed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(listed);
        var read = new List<(ConfigDocument?, string?)>();
        foreach (var version in listed)
        {
            try
            {
                read.Add((decoder.Decode(await versions.ReadAsync(version.VersionId, cancellationToken).ConfigureAwait(false)), null));
            }
            catch (Exception ex) when (ex is DocumentFormatException or RemoteEncryptionException or Teams.TeamException)
            {
                read.Add((null, ex.Message));
            }
        }
        return read;
    }
}
