using System.Globalization;
using System.Text;

namespace StartClaude.Testing;

/// <summary>Reads an HTTP/1.1 request head byte by byte (no buffering past it) and its Content-Length body.</summary>
public static class HttpHead
{
    public static async Task<RecordedRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken, Stream? copyTo = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = await ReadHeadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (head is null)
            return null;
        var lines = head.Split("\r\n");
        var request = new RecordedRequest(lines[0], lines[1..], 0);
        var length = long.TryParse(request.Header("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
        var buffer = new byte[64 * 1024];
        for (long remaining = length; remaining > 0;)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            if (copyTo is not null)
                await copyTo.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            remaining -= read;
        }
        return request with { BodyBytes = length };
    }

    /// <summary>The head (request or status line and headers) without the blank line, or null at end of stream.</summary>
    public static async Task<string?> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new List<byte>(1024);
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
                return bytes.Count == 0 ? null : throw new IOException("the head ended early");
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
                return Encoding.UTF8.GetString([.. bytes[..^4]]);
            if (bytes.Count > 64 * 1024)
                throw new IOException("the head is too long");
        }
    }
}
