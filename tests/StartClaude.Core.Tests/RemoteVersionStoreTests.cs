using System.Net;
using Microsoft.Extensions.Time.Testing;
using StartClaude.Abstractions;
using StartClaude.Core.History;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Tests;

/// <summary>
/// The history's requests on the tool's own wire against a scripted service (issue 22 item 4, issue 26 item 10):
/// the key is encoded as S3 canonicalizes it, pages are bounded, and a request that failed is a failure,
/// never "versioning is off", "no document" or "not recorded".
/// </summary>
public class RemoteVersionStoreTests
{
    private const string Key = "a+b.json";

    private static (RemoteVersionStore Versions, ScriptedS3Handler Service) StoreWith(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var service = new ScriptedS3Handler(answer);
        var recorder = new S3ExchangeRecorder(service);
        var signing = new S3RequestSigning(recorder, TimeProvider.System) { Credentials = new S3Credentials("AKIAIOSFODNN7EXAMPLE", "secret", null, "us-east-1") };
        var http = new HttpClient(signing);
        var settings = new S3SyncSettings("s3-compatible", "bucket", "us-east-1", "AKIAIOSFODNN7EXAMPLE", "secret", "http://127.0.0.1:9", Key);
        var wire = new S3Wire(http, new Uri("http://127.0.0.1:9/"), "bucket");
        // One attempt: a retried 5xx would only repeat what the test already sees.
        var store = new RemoteDocumentStore(new SdkClient(null!, settings, signing), wire, recorder, settings, "http://127.0.0.1:9", TimeSpan.FromSeconds(5),
            retry: new RetryPolicy(1, new FakeTimeProvider()));
        return (new RemoteVersionStore(store), service);
    }

    private static string Listing(string entries, string tail = "<IsTruncated>false</IsTruncated>") =>
        $"<ListVersionsResult><Name>bucket</Name>{tail}{entries}</ListVersionsResult>";

    private static string Version(string id, bool latest = false) =>
        $"<Version><Key>{Key}</Key><VersionId>{id}</VersionId><IsLatest>{(latest ? "true" : "false")}</IsLatest><Size>5</Size></Version>";

    private static HttpResponseMessage Labelled(HttpResponseMessage response)
    {
        response.Headers.TryAddWithoutValidation(WriterLabel.DeviceHeader, "laptop");
        response.Headers.TryAddWithoutValidation(WriterLabel.ConfigsHeader, "2");
        return response;
    }

    [Test]
    public async Task The_listing_names_the_key_encoded_as_S3_reads_it()
    {
        var (versions, service) = StoreWith(request => request.Method == HttpMethod.Head
            ? Labelled(ScriptedS3Handler.Status(HttpStatusCode.OK))
            : ScriptedS3Handler.Xml(Listing(Version("v1", latest: true))));

        var listed = await versions.ListAsync(20);

        listed.Single().Device.Should().Be("laptop");
        service.Requests[0].Should().StartWith("GET /bucket?").And.Contain("prefix=a%2Bb.json").And.Contain("versions=");
        service.Requests[1].Should().Be("HEAD /bucket/a%2Bb.json?versionId=v1");
    }

    [Test]
    public async Task Pages_are_followed_by_their_markers()
    {
        var (versions, service) = StoreWith(request =>
        {
            if (request.Method == HttpMethod.Head)
                return Labelled(ScriptedS3Handler.Status(HttpStatusCode.OK));
            return request.RequestUri!.Query.Contains("version-id-marker=v2", StringComparison.Ordinal)
                ? ScriptedS3Handler.Xml(Listing(Version("v1")))
                : ScriptedS3Handler.Xml(Listing(Version("v3", latest: true) + Version("v2"), $"<IsTruncated>true</IsTruncated><NextKeyMarker>{Key}</NextKeyMarker><NextVersionIdMarker>v2</NextVersionIdMarker>"));
        });

        var listed = await versions.ListAsync(20);

        listed.Select(v => v.VersionId).Should().Equal("v3", "v2", "v1");
        service.Requests.Count(r => r.StartsWith("GET", StringComparison.Ordinal)).Should().Be(2);
        service.Requests[1].Should().Contain("key-marker=a%2Bb.json");
    }

    [Test]
    public async Task A_page_whose_markers_do_not_move_on_is_a_failure_not_a_loop()
    {
        var (versions, service) = StoreWith(_ => ScriptedS3Handler.Xml(Listing(Version("v2"),
            $"<IsTruncated>true</IsTruncated><NextKeyMarker>{Key}</NextKeyMarker><NextVersionIdMarker>v2</NextVersionIdMarker>")));

        var failure = await FluentActions.Awaiting(() => versions.ListAsync(1000)).Should().ThrowAsync<RemoteStoreException>();

        failure.Which.Message.Should().Contain("list the document's versions").And.Contain("where the last one did");
        service.Requests.Count.Should().BeLessThanOrEqualTo(2);
    }

    [Test]
    public async Task A_service_that_keeps_saying_there_is_more_is_read_for_at_most_20_pages()
    {
        var page = 0;
        var (versions, service) = StoreWith(request =>
        {
            if (request.Method == HttpMethod.Head)
                return ScriptedS3Handler.Status(HttpStatusCode.OK);
            page++;
            return ScriptedS3Handler.Xml(Listing("", $"<IsTruncated>true</IsTruncated><NextKeyMarker>{Key}</NextKeyMarker><NextVersionIdMarker>m{page}</NextVersionIdMarker>"));
        });

        var listed = await versions.ListAsync(1000);

        listed.Should().BeEmpty();
        service.Requests.Should().HaveCount(RemoteVersionStore.MaxPages);
    }

    [Test]
    public async Task A_listing_that_is_no_listing_is_a_failure_not_an_empty_history()
    {
        var (versions, _) = StoreWith(_ => ScriptedS3Handler.Xml("<ListVersionsResult><Version><Key>a+b.json</Key><VersionId>v\u00e9</VersionId></Version></ListVersionsResult>"));

        (await FluentActions.Awaiting(() => versions.ListAsync(20)).Should().ThrowAsync<RemoteStoreException>())
            .Which.Message.Should().Contain("list the document's versions").And.Contain("printable ASCII");
    }

    [TestCase(HttpStatusCode.InternalServerError, RemoteFailureKind.ServerError)]
    [TestCase(HttpStatusCode.Forbidden, RemoteFailureKind.AccessDenied)]
    [TestCase(HttpStatusCode.BadRequest, RemoteFailureKind.Unexpected)]
    public async Task Versioning_that_could_not_be_read_is_a_failure_not_off(HttpStatusCode status, RemoteFailureKind kind)
    {
        var (versions, _) = StoreWith(_ => ScriptedS3Handler.Status(status));

        (await FluentActions.Awaiting(() => versions.ReadVersioningAsync()).Should().ThrowAsync<RemoteStoreException>()).Which.Kind.Should().Be(kind);
    }

    [Test]
    public async Task Versioning_answered_with_something_else_is_a_failure_not_off()
    {
        var (versions, _) = StoreWith(_ => ScriptedS3Handler.Xml("<html>captive portal</html>"));

        (await FluentActions.Awaiting(() => versions.ReadVersioningAsync()).Should().ThrowAsync<RemoteStoreException>())
            .Which.Message.Should().Contain("not a versioning configuration");
    }

    [Test]
    public async Task Versioning_is_read_from_the_service_answer()
    {
        var (versions, service) = StoreWith(_ => ScriptedS3Handler.Xml("<GetBucketVersioningResponse><Status>Enabled</Status></GetBucketVersioningResponse>"));

        (await versions.ReadVersioningAsync()).Should().Be(VersioningState.Enabled);
        service.Requests.Should().Equal("GET /bucket?versioning=");
    }

    [Test]
    public async Task A_version_whose_details_are_refused_is_marked_unread_not_unrecorded()
    {
        var (versions, _) = StoreWith(request => request.Method == HttpMethod.Head
            ? ScriptedS3Handler.Status(HttpStatusCode.BadRequest)
            : ScriptedS3Handler.Xml(Listing(Version("v2", latest: true) + Version("v1"))));

        var listed = await versions.ListAsync(20);

        listed.Should().HaveCount(2).And.OnlyContain(v => v.DetailsUnreadable && v.Device == null && v.Configs == null);
    }

    [Test]
    public async Task The_current_null_version_is_labelled_from_the_object_itself()
    {
        var (versions, service) = StoreWith(request => request.Method == HttpMethod.Head
            ? request.RequestUri!.Query.Length == 0 ? Labelled(ScriptedS3Handler.Status(HttpStatusCode.OK)) : ScriptedS3Handler.Status(HttpStatusCode.BadRequest)
            : ScriptedS3Handler.Xml(Listing($"<Version><Key>{Key}</Key><VersionId>null</VersionId><IsLatest>true</IsLatest><Size>5</Size></Version>")));

        var only = (await versions.ListAsync(20)).Single();

        only.Device.Should().Be("laptop");
        only.DetailsUnreadable.Should().BeFalse();
        service.Requests[1].Should().Be("HEAD /bucket/a%2Bb.json");
    }
}
