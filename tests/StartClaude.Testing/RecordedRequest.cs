namespace StartClaude.Testing;

/// <summary>One HTTP request as a loopback server received it.</summary>
/// <param name="RequestLine">For example <c>PUT /bucket/key HTTP/1.1</c>, or an absolute URI through a proxy.</param>
/// <param name="Headers">Header lines as sent.</param>
/// <param name="BodyBytes">The body's length (read and dropped).</param>
public sealed record RecordedRequest(string RequestLine, IReadOnlyList<string> Headers, long BodyBytes)
{
    public string Method => RequestLine.Split(' ')[0];

    public string Target => RequestLine.Split(' ')[1];

    public string? Header(string name) =>
        Headers.Select(h => h.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault();
}
