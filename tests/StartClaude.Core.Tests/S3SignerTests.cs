using StartClaude.Core.Remote;

namespace StartClaude.Core.Tests;

/// <summary>SigV4 pinned by the examples AWS publishes for S3 (Signature Version 4, "Examples: Signature calculations").</summary>
public class S3SignerTests
{
    private static readonly S3Credentials Example = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null, "us-east-1");
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Test]
    public void A_GET_object_with_a_range_matches_the_published_signature()
    {
        var authorization = S3Signer.Authorization("GET", "/test.txt", "",
            [new("host", "examplebucket.s3.amazonaws.com"), new("range", "bytes=0-9"), new("x-amz-content-sha256", EmptyHash), new("x-amz-date", "20130524T000000Z")],
            EmptyHash, Example, "20130524T000000Z");

        authorization.Should().Be("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    [Test]
    public void A_PUT_of_a_key_with_a_reserved_character_matches_the_published_signature()
    {
        const string payload = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
        var authorization = S3Signer.Authorization("PUT", S3UriEncoding.CanonicalPath("/" + S3UriEncoding.Encode("test$file.text")), "",
            [new("date", "Fri, 24 May 2013 00:00:00 GMT"), new("host", "examplebucket.s3.amazonaws.com"), new("x-amz-content-sha256", payload), new("x-amz-date", "20130524T000000Z"), new("x-amz-storage-class", "REDUCED_REDUNDANCY")],
            payload, Example, "20130524T000000Z");

        authorization.Should().EndWith("Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    [Test]
    public void A_listing_query_is_canonicalized_and_matches_the_published_signature()
    {
        var authorization = S3Signer.Authorization("GET", "/", "?prefix=J&max-keys=2",
            [new("host", "examplebucket.s3.amazonaws.com"), new("x-amz-content-sha256", EmptyHash), new("x-amz-date", "20130524T000000Z")],
            EmptyHash, Example, "20130524T000000Z");

        authorization.Should().EndWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    [Test]
    public async Task Signing_a_request_puts_its_URI_in_canonical_form_so_what_is_sent_is_what_was_signed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9000/bucket/deep/a%20b/%C3%BC+=,;@.json?prefix=team/cfg.json&list-type=2");

        await S3Signer.SignAsync(request, Example, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        request.RequestUri!.AbsolutePath.Should().Be("/bucket/deep/a%20b/%C3%BC%2B%3D%2C%3B%40.json");
        request.RequestUri.Query.Should().Be("?list-type=2&prefix=team%2Fcfg.json");
        request.Headers.Host.Should().Be("127.0.0.1:9000");
        request.Headers.GetValues("x-amz-date").Should().Equal("20261126T090000Z");
        request.Headers.GetValues("Authorization").Single().Should().StartWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261126/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=");
    }

    [TestCase("http://[::1]:9000/bucket/key", "[::1]:9000")]
    [TestCase("https://[2001:db8::1]/bucket/key", "[2001:db8::1]")]
    [TestCase("https://bücher.example/bucket/key", "xn--bcher-kva.example")]
    public async Task The_host_header_is_the_host_as_a_URL_writes_it(string url, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        await S3Signer.SignAsync(request, Example, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        request.Headers.Host.Should().Be(host);
    }

    [Test]
    public async Task A_session_token_is_sent_and_signed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "https://s3.eu-west-1.amazonaws.com/bucket/key");

        await S3Signer.SignAsync(request, Example with { SessionToken = "token-123", Region = "eu-west-1" }, DateTimeOffset.UnixEpoch);

        request.Headers.GetValues("x-amz-security-token").Should().Equal("token-123");
        request.Headers.GetValues("Authorization").Single().Should().Contain("/eu-west-1/s3/aws4_request").And.Contain("x-amz-security-token");
        request.Headers.Host.Should().Be("s3.eu-west-1.amazonaws.com");
    }

    [TestCase("team/cfg.json", "/b/team/cfg.json")]
    [TestCase("deep/a b/ü+=,;@.json", "/b/deep/a%20b/%C3%BC%2B%3D%2C%3B%40.json")]
    [TestCase("50%~*.json", "/b/50%25~%2A.json")]
    public void Object_paths_encode_every_byte_but_the_unreserved_ones(string key, string path) =>
        S3UriEncoding.ObjectPath("b", key).Should().Be(path);

    [Test]
    public void The_credentials_never_print_their_secret() =>
        Example.ToString().Should().NotContain(Example.SecretAccessKey);
}
