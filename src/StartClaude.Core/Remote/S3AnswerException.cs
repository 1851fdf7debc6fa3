namespace StartClaude.Core.Remote;

/// <summary>The service answered, but not with what the request asked for; classified from <see cref="Answer"/>.</summary>
public sealed class S3AnswerException(S3Exchange answer)
    : Exception($"HTTP {answer?.Status}")
{
    public S3Exchange Answer { get; } = answer ?? throw new ArgumentNullException(nameof(answer));
}
