using StartClaude.Abstractions;

namespace StartClaude.Core.Providers;

/// <summary>
/// Every <see cref="SettingField"/>, in declaration order. Enum.GetValues builds its table by reflection
/// on first use, and a start reads the S3 settings (to tell whether a check is due) on every run.
/// </summary>
internal static class SettingFields
{
    public static readonly SettingField[] All =
    [
        SettingField.Bucket, SettingField.Region, SettingField.AccessKeyId,
        SettingField.SecretAccessKey, SettingField.EndpointUrl, SettingField.Key,
    ];
}
