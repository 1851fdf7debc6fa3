namespace StartClaude.Testing;

/// <summary>
/// What a <see cref="RecordingHttpServer"/> answers to every request: a status line, headers, and
/// <see cref="BodyBytes"/> bytes of filler streamed (never held in memory), announced as
/// <see cref="AnnouncedLength"/> when given (a lie, for hostile servers; -1 for none: the body runs until the connection closes), else as their true length.
/// </summary>
public sealed record CannedResponse(int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, long BodyBytes = 0, long? AnnouncedLength = null, string? Body = null)
{
    public static CannedResponse Ok { get; } = new(200, "OK", [new("ETag", "\"sink\"")]);

    /// <summary>A 404 NoSuchKey: the bucket is there, the document is not.</summary>
    public static CannedResponse NoSuchKey { get; } = new(404, "Not Found", [], Body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");

    public static CannedResponse Redirect(int status, string location, string? bucketRegion = null)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Location", location) };
        if (bucketRegion is not null)
            headers.Add(new("x-amz-bucket-region", bucketRegion));
        var body = status == 301
            ? $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><Endpoint>{location}</Endpoint>{(bucketRegion is null ? "" : $"<Region>{bucketRegion}</Region>")}</Error>"
            : null;
        return new(status, status == 301 ? "Moved Permanently" : "Temporary Redirect", headers, Body: body);
    }
}
