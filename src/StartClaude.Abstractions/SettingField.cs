namespace StartClaude.Abstractions;

/// <summary>The settings a provider's prompt script and validation speak about.</summary>
public enum SettingField
{
    /// <summary>The bucket name.</summary>
    Bucket,
    /// <summary>The signing region.</summary>
    Region,
    /// <summary>The access key id.</summary>
    AccessKeyId,
    /// <summary>The secret access key.</summary>
    SecretAccessKey,
    /// <summary>The endpoint URL.</summary>
    EndpointUrl,
    /// <summary>The object key in the bucket.</summary>
    Key,
}
