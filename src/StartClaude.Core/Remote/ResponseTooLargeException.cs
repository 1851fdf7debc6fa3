namespace StartClaude.Core.Remote;

/// <summary>A response body went past the bound this tool reads of it; nothing more was read.</summary>
public sealed class ResponseTooLargeException(long limit)
    : IOException($"the response is more than the {limit:N0} bytes read of it")
{
    public long Limit { get; } = limit;
}
