namespace StartClaude.Core.Remote;

/// <summary>One answer of the service to a request this tool built: what was recorded, and the body when one was read.</summary>
public sealed record S3Answer(S3Exchange Exchange, byte[]? Body = null)
{
    public int Status => Exchange.Status;

    /// <summary>The answer's x-amz-meta-* headers (bounded; names in any case), empty when it had none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

/// <summary>The service answered, but not with what the request asked for; classified from <see cref="Answer"/>.</summary>
public sealed class S3AnswerException(S3Exchange answer)
    : Exception($"HTTP {answer?.Status}")
{
    public S3Exchange Answer { get; } = answer ?? throw new ArgumentNullException(nameof(answer));
}
