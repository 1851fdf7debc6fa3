using StartClaude.Abstractions;

namespace StartClaude.Core.Tests;

public class SettingRulesTests
{
    [TestCase("my-bucket")]
    [TestCase("a.b.c")]
    [TestCase("abc")]
    [TestCase("10.0.0.1000")]
    [TestCase("1.2.3.4.5")]
    public void Valid_bucket_names_pass(string name) => SettingRules.CheckBucket(name).Should().BeNull();

    [TestCase("", "empty")]
    [TestCase("ab", "3 to 63")]
    [TestCase("My-Bucket", "lowercase")]
    [TestCase("-bucket", "start and end")]
    [TestCase("bucket.", "start and end")]
    [TestCase("bücket", "lowercase")]
    [TestCase("bucket_name", "lowercase")]
    [TestCase("a..b", "'..'")]
    [TestCase("192.168.1.1", "IP address")]
    public void Invalid_bucket_names_say_why(string name, string reason) =>
        SettingRules.CheckBucket(name).Should().Contain(reason);

    [TestCase("us east 1")]
    [TestCase("US-EAST-1")]
    [TestCase("")]
    [TestCase("-us-east-1")]
    [TestCase("us_east_1")]
    public void Regions_with_spaces_or_capitals_are_refused(string region) =>
        SettingRules.CheckRegion(region).Should().NotBeNull();

    [TestCase("http://127.0.0.1:9000", "127.0.0.1", 9000, false)]
    [TestCase("https://abc.r2.cloudflarestorage.com", "abc.r2.cloudflarestorage.com", 443, true)]
    [TestCase("https://s3.us-west-004.backblazeb2.com/", "s3.us-west-004.backblazeb2.com", 443, true)]
    public void Endpoint_urls_become_host_port_and_tls(string url, string host, int port, bool ssl)
    {
        S3Endpoint.TryParse(url, out var error).Should().Be(new S3Endpoint(host, port, ssl));
        error.Should().BeNull();
    }

    // What requests go to: scheme, host and port as given (the default port left out, an IPv6 host in brackets).
    [TestCase("http://127.0.0.1:9000", "http://127.0.0.1:9000")]
    [TestCase("https://abc.r2.cloudflarestorage.com:443", "https://abc.r2.cloudflarestorage.com")]
    [TestCase("https://s3.example.com:80", "https://s3.example.com:80")]
    [TestCase("http://[::1]:9000", "http://[::1]:9000")]
    public void An_address_has_the_endpoints_base_uri(string url, string expected)
    {
        var address = new S3Address(S3Endpoint.TryParse(url, out _)!.Value, "us-east-1");

        address.BaseUri.GetLeftPart(UriPartial.Authority).Should().Be(expected);
    }

    [TestCase("ftp://host", "http")]
    [TestCase("not a url", "http")]
    [TestCase("https://host/bucket", "path")]
    [TestCase("https://host?x=1", "path or query")]
    [TestCase("https://user:pw@host", "user info")]
    [TestCase("", "empty")]
    [TestCase("http://127.0.0.1:0", "port 0")]
    [TestCase("http://[::1]:0", "port 0")]
    public void Bad_endpoint_urls_say_why(string url, string reason)
    {
        S3Endpoint.TryParse(url, out var error).Should().BeNull();
        error.Should().Contain(reason);
    }

    [TestCase("http://[::1]:9000", "http://[::1]:9000")]
    [TestCase("https://[2001:db8::1]", "https://[2001:db8::1]")]
    [TestCase("http://127.0.0.1:9000/", "http://127.0.0.1:9000")]
    public void An_endpoint_reads_back_as_a_URL(string url, string expected) =>
        S3Endpoint.TryParse(url, out _)!.Value.ToString().Should().Be(expected);

    // A malformed endpoint is quoted back to say what is wrong with it, but never its password or token.
    [TestCase("http://user:hunter2@[bad", "http://user:***@[bad")]
    [TestCase("https://user:hunter2@host/bucket", "https://user:***@host/bucket")]
    [TestCase("user:hunter2@host", "user:***@host")]
    [TestCase("https://hunter2@host?x=1", "https://***@host?x=***")]
    [TestCase("https://AKID:wJalr/hunter2@minio.example:9000", "https://AKID:***@minio.example:9000")]
    [TestCase("http://user:pa://hunter2@host", "http://user:***@host")]
    [TestCase("https:/user:hunter2@host", "https:/user:***@host")]
    [TestCase("//user:hunter2@host", "//user:***@host")]
    [TestCase("http://host/?token=hunter2", "http://host/?token=***")]
    [TestCase("http://host/#hunter2", "http://host/#***")]
    [TestCase("ftp://a@b:hunter2@host", "ftp://a@b:***@host")]
    public void A_bad_endpoints_message_masks_its_user_info(string url, string shown)
    {
        S3Endpoint.TryParse(url, out var error).Should().BeNull();

        error.Should().Contain($"'{shown}'").And.NotContain("hunter2");
    }

    [Test]
    public void Secret_messages_never_repeat_the_secret()
    {
        SettingRules.CheckSecret("has space-supersecret").Should().NotContain("supersecret");
    }

    [TestCase("team/cfg.json")]
    [TestCase("deep/a b/ü+=,;@.json")]
    [TestCase("start-claude-config.json")]
    public void Object_keys_people_type_are_valid(string key) => SettingRules.CheckObjectKey(key).Should().BeNull();

    [Test]
    public void A_key_of_1024_bytes_is_valid_and_one_more_is_not()
    {
        SettingRules.CheckObjectKey("ü" + new string('k', 1022)).Should().BeNull();
        SettingRules.CheckObjectKey("ü" + new string('k', 1023)).Should().Contain("1024 bytes");
    }

    [TestCase("", "empty")]
    [TestCase("/cfg.json", "start with '/'")]
    [TestCase("team/", "end with '/'")]
    [TestCase("team//cfg.json", "'//'")]
    [TestCase("team/../cfg.json", "'..'")]
    [TestCase("./cfg.json", "'.'")]
    [TestCase("cfg\u0007.json", "control characters")]
    public void Keys_that_would_not_be_found_where_given_are_refused_saying_why(string key, string reason) =>
        SettingRules.CheckObjectKey(key).Should().Contain(reason);
}
