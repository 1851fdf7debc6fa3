using System.Text;

namespace StartClaude.Core.Remote;

/// <summary>
/// Learns whether the service honours conditional writes, with a small object beside the document
/// created with If-None-Match: * (twice if needed). A service that honours it refuses a create over
/// an existing object (412); one that ignores it accepts both; Backblaze B2 answers 501. Only those
/// definite answers decide; any other failure is thrown and nothing is remembered.
/// The probe object is never deleted, so the probe needs no s3:DeleteObject and devices probing at
/// once cannot delete it under each other: once it exists, every later probe is a single request.
/// </summary>
public sealed class ConditionalWriteProbe(Func<string, WriteCondition, CancellationToken, Task<S3Answer>> put)
{
    public const string Suffix = ".start-claude-probe";

    private const int MaxKeyBytes = 1024;

    /// <summary>The probe object's key: beside the document (same folder, so a policy on the folder covers it).</summary>
    public static string KeyFor(string documentKey)
    {
        ArgumentNullException.ThrowIfNull(documentKey);
        var beside = documentKey + Suffix;
        if (Encoding.UTF8.GetByteCount(beside) <= MaxKeyBytes)
            return beside;
        var slash = documentKey.LastIndexOf('/');
        return (slash < 0 ? "" : documentKey[..(slash + 1)]) + "start-claude" + Suffix;
    }

    /// <summary>True when the service refuses a conditional create over an existing object; false when it ignores the condition or answers 501.</summary>
    /// <exception cref="S3AnswerException">Any other answer (classified by the caller).</exception>
    public async Task<bool> SupportsConditionalWritesAsync(string documentKey, CancellationToken cancellationToken)
    {
        var key = KeyFor(documentKey);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var answer = await put(key, new WriteCondition.MustNotExist(), cancellationToken).ConfigureAwait(false);
            switch (Decide(answer.Status))
            {
                case true:
                    return true;
                case false:
                    return false;
            }
            if (answer.Status is < 200 or >= 300)
                throw new S3AnswerException(answer.Exchange);
        }
        // Created over an existing object despite If-None-Match: * — the condition was ignored.
        return false;
    }

    /// <summary>What one answer to a conditional create decides: true (honoured), false (not supported), null (nothing yet).</summary>
    public static bool? Decide(int status) => status switch
    {
        412 => true,
        501 => false,
        _ => null,
    };
}
