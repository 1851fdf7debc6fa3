namespace StartClaude.Core.Remote;

/// <summary>
/// A request failed after the service had begun to answer (its body broke off): the exchange that was
/// made travels with the failure, so it is classified from what this request saw, never from another's.
/// </summary>
public sealed class S3TransportException(S3Exchange exchange, Exception inner)
    : Exception($"HTTP {exchange?.Status}: the answer broke off", inner)
{
    public S3Exchange Exchange { get; } = exchange ?? throw new ArgumentNullException(nameof(exchange));
}
