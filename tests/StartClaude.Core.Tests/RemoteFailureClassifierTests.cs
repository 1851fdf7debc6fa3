using System.Net.Http;
using System.Net.Sockets;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Tests;

/// <summary>The failure classification is a pure function of what was recorded on the wire.</summary>
public class RemoteFailureClassifierTests
{
    private static readonly RemoteFailureContext Context = new("http://127.0.0.1:9000", "bucket", "team/cfg.json", "AKIAIOSFODNN7EXAMPLE", TimeSpan.FromSeconds(20));

    private static S3Exchange Answer(int status, string? code = null, string method = "GET", string path = "/bucket/team/cfg.json", string? location = null, string? region = null) =>
        new(method, path, status, null, code, null, TimeSpan.Zero, Location: location, BucketRegion: region);

    private static RemoteStoreException Classify(S3Exchange? last, Exception? error = null, bool timedOut = false) =>
        RemoteFailureClassifier.Classify(Context, "download the document", last, error ?? new InvalidOperationException(), timedOut);

    [TestCase(403, "SignatureDoesNotMatch", RemoteFailureKind.WrongSecret)]
    [TestCase(403, "InvalidAccessKeyId", RemoteFailureKind.UnknownAccessKey)]
    [TestCase(403, "AccessDenied", RemoteFailureKind.AccessDenied)]
    [TestCase(403, null, RemoteFailureKind.AccessDenied)]
    [TestCase(404, "NoSuchBucket", RemoteFailureKind.BucketMissing)]
    [TestCase(403, "RequestTimeTooSkewed", RemoteFailureKind.ClockSkew)]
    [TestCase(412, null, RemoteFailureKind.PreconditionFailed)]
    [TestCase(429, null, RemoteFailureKind.Throttled)]
    [TestCase(503, "SlowDown", RemoteFailureKind.Throttled)]
    [TestCase(501, "NotImplemented", RemoteFailureKind.NotImplemented)]
    [TestCase(500, "InternalError", RemoteFailureKind.ServerError)]
    [TestCase(400, "InvalidRequest", RemoteFailureKind.Unexpected)]
    [TestCase(307, null, RemoteFailureKind.Redirected)]
    [TestCase(301, "PermanentRedirect", RemoteFailureKind.Redirected)]
    public void Status_and_code_decide_the_kind(int status, string? code, RemoteFailureKind kind) =>
        Classify(Answer(status, code)).Kind.Should().Be(kind);

    [Test]
    public void A_404_of_the_bucket_itself_is_a_missing_bucket() =>
        Classify(Answer(404, method: "HEAD", path: "/bucket")).Kind.Should().Be(RemoteFailureKind.BucketMissing);

    [Test]
    public void A_redirect_names_where_it_pointed_without_its_query_or_user_info()
    {
        var failure = Classify(Answer(307, location: "http://user:pw@elsewhere.example:8080/bucket/key?X-Amz-Signature=abc"));

        failure.Message.Should().Contain("to http://elsewhere.example:8080/bucket/key").And.Contain("never followed")
            .And.NotContain("X-Amz-Signature").And.NotContain("pw@");
    }

    [Test]
    public void A_permanent_redirect_names_the_buckets_region() =>
        Classify(Answer(301, "PermanentRedirect", region: "eu-central-1")).Message.Should().Contain("the bucket is in region eu-central-1").And.Contain("--region eu-central-1");

    [Test]
    public void A_request_signed_for_the_wrong_region_names_the_right_one() =>
        Classify(Answer(400, "AuthorizationHeaderMalformed", region: "ap-southeast-2")).Message.Should().Contain("--region ap-southeast-2");

    [Test]
    public void Control_characters_from_the_wire_are_escaped() =>
        Classify(Answer(307, location: "http://evil.example/\u001b[31mred")).Message.Should().NotContain("\u001b");

    [Test]
    public void A_timeout_is_a_timeout_whatever_was_recorded() =>
        Classify(Answer(200), timedOut: true).Kind.Should().Be(RemoteFailureKind.TimedOut);

    [Test]
    public void An_answer_past_the_bound_is_too_large() =>
        Classify(null, new HttpRequestException("x", new ResponseTooLargeException(4 * 1024 * 1024))).Kind.Should().Be(RemoteFailureKind.TooLarge);

    [Test]
    public void A_reset_connection_is_an_interruption() =>
        Classify(null, new HttpRequestException("reset", new IOException("x", new SocketException((int)SocketError.ConnectionReset)))).Kind.Should().Be(RemoteFailureKind.Interrupted);

    [Test]
    public void A_refused_connection_is_unreachable() =>
        Classify(null, new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused))).Kind.Should().Be(RemoteFailureKind.Unreachable);

    [Test]
    public void A_wrong_secret_names_the_access_key_masked() =>
        Classify(Answer(403, "SignatureDoesNotMatch")).Message.Should().Contain("secret access key is wrong").And.NotContain("AKIAIOSFODNN7EXAMPLE");

    [TestCase(RemoteFailureKind.ServerError, true)]
    [TestCase(RemoteFailureKind.Throttled, true)]
    [TestCase(RemoteFailureKind.Interrupted, true)]
    [TestCase(RemoteFailureKind.PreconditionFailed, false)]
    [TestCase(RemoteFailureKind.TimedOut, false)]
    [TestCase(RemoteFailureKind.Redirected, false)]
    public void Only_transient_failures_are_retried(RemoteFailureKind kind, bool transient) =>
        RetryPolicy.IsTransient(kind).Should().Be(transient);

    [Test]
    public void A_connection_refused_through_a_proxy_names_the_proxy_and_its_variable_password_masked()
    {
        var proxy = ProxySettings.For(new Uri("http://127.0.0.1:9000"), name => name == "HTTP_PROXY" ? "http://alice:pr0xy-pa55@127.0.0.1:9" : null)!;
        var context = Context with { Endpoint = "http://127.0.0.1:9000", Proxy = proxy };
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));

        var failure = RemoteFailureClassifier.Classify(context, "download the document", null, refused, timedOut: false);

        failure.Kind.Should().Be(RemoteFailureKind.Unreachable);
        failure.Message.Should().Contain("through the proxy http://").And.Contain("127.0.0.1:9 (set by HTTP_PROXY)").And.Contain("unset HTTP_PROXY")
            .And.NotContain("HTTPS_PROXY").And.NotContain("pr0xy-pa55");
    }

    [Test]
    public void A_connection_refused_without_a_proxy_names_no_proxy_variable()
    {
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));

        RemoteFailureClassifier.Classify(Context, "download the document", null, refused, timedOut: false).Message
            .Should().Contain("cannot reach http://127.0.0.1:9000").And.NotContain("PROXY");
    }

    // Issue 26 item F: moto (and some services) sign some keys and version ids differently; the secret that signed
    // every request before is not what is wrong.
    [Test]
    public void A_refused_signature_after_an_accepted_one_does_not_blame_the_secret()
    {
        var refused = Answer(403, "SignatureDoesNotMatch");
        var alone = RemoteFailureClassifier.Classify(Context, "download the document", refused, new InvalidOperationException(), timedOut: false, [refused]);
        var afterAccepted = RemoteFailureClassifier.Classify(Context, "download the document", refused, new InvalidOperationException(), timedOut: false, [Answer(200, method: "HEAD"), refused]);

        alone.Kind.Should().Be(RemoteFailureKind.WrongSecret);
        afterAccepted.Kind.Should().NotBe(RemoteFailureKind.WrongSecret);
        afterAccepted.Message.Should().Contain("the secret is not what is wrong").And.NotContain("the secret access key is wrong");
    }

    [Test]
    public void Response_headers_past_HttpClients_limit_are_named_not_taken_for_an_unreachable_service() =>
        Classify(null, new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "headers too long"))
            .Should().Match<RemoteStoreException>(e => e.Kind == RemoteFailureKind.TooLarge && e.Message.Contains("more response headers than"));
}
