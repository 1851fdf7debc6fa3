using System.Text.Json.Nodes;
using StartClaude.Abstractions;

namespace StartClaude.Core.Documents;

/// <summary>
/// The raw <c>settings.s3Sync</c> object as stored, before a provider checks it. Files written by the
/// original tool carry no <c>provider</c>; it is then inferred from the endpoint.
/// </summary>
public sealed record S3SyncSection(string? ProviderId, SettingsInput Input)
{
    /// <summary>The original tool's default for <see cref="RemoteCheckInterval"/>.</summary>
    public static readonly TimeSpan DefaultRemoteCheckInterval = TimeSpan.FromMinutes(60);

    /// <summary>How often starting a config may check the remote (<c>remoteConfigCheckIntervalMinutes</c>, default 60).</summary>
    public TimeSpan RemoteCheckInterval { get; init; } = DefaultRemoteCheckInterval;

    internal static S3SyncSection? From(JsonObject? node)
    {
        if (node is null)
            return null;
        return new S3SyncSection(
            Text(node, "provider"),
            new SettingsInput(
                Text(node, "bucket"),
                Text(node, "region"),
                Text(node, "accessKeyId"),
                Text(node, "secretAccessKey"),
                Text(node, "endpointUrl"),
                Text(node, "key")))
        {
            RemoteCheckInterval = node["remoteConfigCheckIntervalMinutes"] is JsonValue v && v.TryGetValue<double>(out var minutes) && minutes >= 0
                ? TimeSpan.FromMinutes(Math.Min(minutes, TimeSpan.MaxValue.TotalMinutes / 2))
                : DefaultRemoteCheckInterval,
        };
    }

    /// <summary>Writes <paramref name="settings"/> into <paramref name="node"/>, leaving its other fields as they are.</summary>
    internal static void Write(JsonObject node, S3SyncSettings settings)
    {
        node["provider"] = settings.ProviderId;
        node["bucket"] = settings.Bucket;
        node["region"] = settings.Region;
        node["accessKeyId"] = settings.AccessKeyId;
        node["secretAccessKey"] = settings.SecretAccessKey;
        if (settings.EndpointUrl is null)
            node.Remove("endpointUrl");
        else
            node["endpointUrl"] = settings.EndpointUrl;
        node["key"] = settings.Key;
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public override string ToString() => $"S3SyncSection {{ ProviderId = {ProviderId}, {Input} }}";
}
