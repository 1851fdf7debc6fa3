using System.Text;
using StartClaude.Core.Documents;

namespace StartClaude.Core.Remote;

/// <summary>
/// Who wrote a version of the remote document and how many configs it held: object metadata sent on the
/// same PUT as the document (no extra request), read back by <c>s3-history</c>.
/// </summary>
public sealed record WriterLabel(string Device, int Configs)
{
    public const string DeviceHeader = "x-amz-meta-start-claude-device";

    public const string ConfigsHeader = "x-amz-meta-start-claude-configs";

    /// <summary>Longest device name sent; a label, not a payload.</summary>
    public const int MaxDeviceLength = 64;

    /// <summary>The label for writing <paramref name="written"/>; the device name from <paramref name="local"/> (default: written's own s3Sync, then the host name).</summary>
    public static WriterLabel For(ConfigDocument written, ConfigDocument? local = null)
    {
        ArgumentNullException.ThrowIfNull(written);
        return new WriterLabel(local?.DeviceName ?? written.DeviceName ?? DefaultDeviceName(), Sync.SharedDocument.FromLocal(written).LiveConfigs.Count);
    }

    /// <summary>The host name, which names this machine when setup was given no device name.</summary>
    public static string DefaultDeviceName() => Environment.MachineName is { Length: > 0 } host ? host : "unknown";

    /// <summary>More x-amz-meta-* headers that belong with the body (a signed document's signature), sent on the same PUT.</summary>
    public IReadOnlyDictionary<string, string>? Seal { get; init; }

    /// <summary>The metadata headers: the device name percent-encoded, so any name travels as ASCII.</summary>
    public IReadOnlyDictionary<string, string> Headers()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DeviceHeader] = Uri.EscapeDataString(Device.Length > MaxDeviceLength ? Device[..MaxDeviceLength] : Device),
            [ConfigsHeader] = Configs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in Seal ?? new Dictionary<string, string>())
            headers[name] = value;
        return headers;
    }

    /// <summary>
    /// The label read back from metadata (names as the service reports them, any case, with or without
    /// the <c>x-amz-meta-</c> prefix), or null parts where absent or not valid. Hostile input: the device
    /// name is bounded and stripped of control characters.
    /// </summary>
    public static (string? Device, int? Configs) Parse(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
            return (null, null);
        string? Find(string header)
        {
            var bare = header["x-amz-meta-".Length..];
            foreach (var (key, value) in metadata)
            {
                if (key.Equals(header, StringComparison.OrdinalIgnoreCase) || key.Equals(bare, StringComparison.OrdinalIgnoreCase))
                    return value;
            }
            return null;
        }
        string? device = null;
        if (Find(DeviceHeader) is { } raw)
        {
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(raw.Length > MaxDeviceLength * 12 ? raw[..(MaxDeviceLength * 12)] : raw);
            }
            catch (UriFormatException)
            {
                decoded = raw;
            }
            var clean = new StringBuilder();
            foreach (var c in decoded.Where(c => !char.IsControl(c)).Take(MaxDeviceLength))
                clean.Append(c);
            device = clean.Length > 0 ? clean.ToString() : null;
        }
        int? configs = Find(ConfigsHeader) is { } count && int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        return (device, configs);
    }
}
