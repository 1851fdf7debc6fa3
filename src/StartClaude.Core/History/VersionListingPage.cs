using System.Globalization;
using System.Xml;

namespace StartClaude.Core.History;

/// <summary>
/// One page of a ListObjectVersions answer, read as hostile input: a bounded body, no DTD, no entity, a
/// bounded number of entries, and every field of the versions of the wanted key typed and checked (a
/// version id of printable ASCII, a size that is a non-negative number, a time in ISO 8601). Entries of
/// other keys under the same prefix are only counted. An answer that breaks these rules is refused whole
/// (<see cref="FormatException"/>): a listing half understood would be reported as facts.
/// </summary>
public sealed record VersionListingPage(IReadOnlyList<RemoteVersion> Versions, bool PassedKey, bool LatestIsDeleteMarker, bool IsTruncated, string? NextKeyMarker, string? NextVersionIdMarker)
{
    /// <summary>Most bytes read of one page.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Most entries (versions and delete markers, of any key) one page may hold.</summary>
    public const int MaxEntries = 1000;

    /// <summary>Longest version id, key marker or ETag accepted.</summary>
    public const int MaxIdLength = 1024;

    /// <exception cref="FormatException">The body is not a version listing this tool can trust.</exception>
    public static VersionListingPage Parse(byte[] body, string key)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(key);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        var versions = new List<RemoteVersion>();
        var entries = 0;
        var passedKey = false;
        var latestDeleted = false;
        bool? truncated = null;
        string? nextKey = null;
        string? nextVersion = null;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "ListVersionsResult")
                throw new FormatException("the answer is not a version listing");
            var depth = reader.Depth;
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement || reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    if (!reader.Read())
                        break;
                    continue;
                }
                switch (reader.LocalName)
                {
                    case "Version" or "DeleteMarker":
                        if (++entries > MaxEntries)
                            throw new FormatException($"a page lists more than {MaxEntries} entries");
                        var isMarker = reader.LocalName == "DeleteMarker";
                        var fields = Fields(reader);
                        var entryKey = fields.GetValueOrDefault("Key") ?? throw new FormatException("an entry names no key");
                        if (entryKey != key)
                        {
                            // S3 lists keys in order: one after ours under the same prefix means ours is done.
                            passedKey |= string.CompareOrdinal(entryKey, key) > 0;
                            break;
                        }
                        if (isMarker)
                        {
                            latestDeleted |= Flag(fields, "IsLatest");
                            break;
                        }
                        versions.Add(Version(fields));
                        break;
                    case "IsTruncated":
                        truncated = Boolean(reader.ReadElementContentAsString(), "IsTruncated");
                        break;
                    case "NextKeyMarker":
                        nextKey = Bounded(reader.ReadElementContentAsString(), "NextKeyMarker");
                        break;
                    case "NextVersionIdMarker":
                        nextVersion = Bounded(reader.ReadElementContentAsString(), "NextVersionIdMarker");
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new FormatException($"the answer is not well-formed XML (line {ex.LineNumber})", ex);
        }
        return new VersionListingPage(versions, passedKey, latestDeleted, truncated ?? false, nextKey, nextVersion);
    }

    // The simple child elements of one entry; an element repeated or nested is refused.
    private static Dictionary<string, string> Fields(XmlReader reader)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return fields;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                if (name is "Owner" or "ChecksumAlgorithm" or "RestoreStatus")
                {
                    reader.Skip();
                    continue;
                }
                var value = reader.ReadElementContentAsString();
                if (!fields.TryAdd(name, value))
                    throw new FormatException($"an entry holds {name} twice");
                continue;
            }
            if (!reader.Read())
                throw new FormatException("the listing ends inside an entry");
        }
        reader.Read();
        return fields;
    }

    private static RemoteVersion Version(Dictionary<string, string> fields)
    {
        var id = fields.GetValueOrDefault("VersionId") is { Length: > 0 } raw ? Bounded(raw, "VersionId") : RemoteVersionStore.NullVersion;
        if (id.Any(c => c <= ' ' || c > '~'))
            throw new FormatException("a version id holds characters other than printable ASCII");
        DateTimeOffset? modified = null;
        if (fields.GetValueOrDefault("LastModified") is { Length: > 0 } time)
        {
            if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                throw new FormatException("a version's LastModified is not a time");
            modified = parsed;
        }
        long size = 0;
        if (fields.GetValueOrDefault("Size") is { } sizeText && !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size))
            throw new FormatException("a version's Size is not a number of bytes");
        string? etag = null;
        if (fields.GetValueOrDefault("ETag") is { Length: > 0 } tag)
        {
            tag = Bounded(tag, "ETag").Trim();
            if (tag.Any(c => c < ' ' || c > '~'))
                throw new FormatException("a version's ETag holds characters other than printable ASCII");
            etag = tag.StartsWith('"') ? tag : $"\"{tag}\"";
        }
        return new RemoteVersion(id, modified, size, etag, Flag(fields, "IsLatest"), null, null);
    }

    private static bool Flag(Dictionary<string, string> fields, string name) =>
        fields.GetValueOrDefault(name) is { } text && Boolean(text, name);

    private static bool Boolean(string text, string name) => text.Trim() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"{name} is neither true nor false"),
    };

    private static string Bounded(string text, string name) =>
        text.Length <= MaxIdLength ? text : throw new FormatException($"{name} is longer than {MaxIdLength} characters");
}
