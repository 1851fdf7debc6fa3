namespace StartClaude.Core.Remote;

/// <summary>One answer of the service to a request this tool built: what was recorded, and the body when one was read.</summary>
public sealed record S3Answer(S3Exchange Exchange, byte[]? Body = null)
{
    public int Status => Exchange.Status;

    /// <summary>The answer's x-amz-meta-* headers (bounded; names in any case), empty when it had none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
