using System.Text;
using StartClaude.Core.History;

namespace StartClaude.Core.Tests;

/// <summary>A ListObjectVersions page is hostile input: typed, bounded, refused whole when it breaks the rules.</summary>
public class VersionListingPageTests
{
    private const string Key = "a+b.json";

    private static byte[] Page(string entries, string tail = "<IsTruncated>false</IsTruncated>") => Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>{Key}</Prefix>{tail}{entries}</ListVersionsResult>""");

    private static string Version(string id, bool latest = false, string size = "12", string key = Key, string modified = "2026-12-06T08:00:00.000Z") =>
        $"<Version><Key>{key}</Key><VersionId>{id}</VersionId><IsLatest>{(latest ? "true" : "false")}</IsLatest><LastModified>{modified}</LastModified><ETag>&quot;abc&quot;</ETag><Size>{size}</Size><Owner><ID>x</ID></Owner><StorageClass>STANDARD</StorageClass></Version>";

    [Test]
    public void The_versions_of_the_key_are_read_in_order_with_their_fields()
    {
        var page = VersionListingPage.Parse(Page(Version("v2", latest: true) + Version("v1") + Version("p1", key: Key + ".start-claude-probe")), Key);

        page.Versions.Select(v => v.VersionId).Should().Equal("v2", "v1");
        page.Versions[0].IsLatest.Should().BeTrue();
        page.Versions[0].Size.Should().Be(12);
        page.Versions[0].ETag.Should().Be("\"abc\"");
        page.Versions[0].LastModified.Should().Be(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
        page.PassedKey.Should().BeTrue("the probe object sorts after the key: the key's versions are done");
        page.IsTruncated.Should().BeFalse();
    }

    [Test]
    public void Pagination_markers_are_read()
    {
        var page = VersionListingPage.Parse(Page(Version("v9"), "<IsTruncated>true</IsTruncated><NextKeyMarker>a+b.json</NextKeyMarker><NextVersionIdMarker>v9</NextVersionIdMarker>"), Key);

        page.IsTruncated.Should().BeTrue();
        page.NextKeyMarker.Should().Be(Key);
        page.NextVersionIdMarker.Should().Be("v9");
    }

    [Test]
    public void A_delete_marker_is_left_out_and_noted_when_it_is_the_latest()
    {
        var page = VersionListingPage.Parse(Page($"<DeleteMarker><Key>{Key}</Key><VersionId>d1</VersionId><IsLatest>true</IsLatest></DeleteMarker>" + Version("v1")), Key);

        page.Versions.Select(v => v.VersionId).Should().Equal("v1");
        page.LatestIsDeleteMarker.Should().BeTrue();
    }

    [Test]
    public void A_version_without_an_id_is_the_null_version() =>
        VersionListingPage.Parse(Page($"<Version><Key>{Key}</Key><IsLatest>true</IsLatest><Size>3</Size></Version>"), Key).Versions.Single().VersionId.Should().Be("null");

    public static IEnumerable<TestCaseData> Hostile()
    {
        yield return new TestCaseData(Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><ListVersionsResult>&e;</ListVersionsResult>""")).SetName("a DTD with an entity");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("<Error><Code>x</Code></Error>")).SetName("another document");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("not xml at all")).SetName("not XML");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("<ListVersionsResult><Version><Key>a+b.json</Key>")).SetName("cut short");
        yield return new TestCaseData(Page(Version("v\u0001x"))).SetName("a version id with a control character");
        yield return new TestCaseData(Page(Version("v\u00fcx"))).SetName("a version id with non-ASCII");
        yield return new TestCaseData(Page(Version(new string('v', 1025)))).SetName("a version id of 1,025 characters");
        yield return new TestCaseData(Page(Version("v1", size: "-1"))).SetName("a negative size");
        yield return new TestCaseData(Page(Version("v1", size: "1e9"))).SetName("a size that is no integer");
        yield return new TestCaseData(Page(Version("v1", modified: "yesterday"))).SetName("a time that is no time");
        yield return new TestCaseData(Page($"<Version><Key>{Key}</Key><VersionId>a</VersionId><VersionId>b</VersionId></Version>")).SetName("a field twice");
        yield return new TestCaseData(Page($"<Version><Key>{Key}</Key><VersionId>a</VersionId><IsLatest>yes</IsLatest></Version>")).SetName("a flag that is no boolean");
        yield return new TestCaseData(Page(string.Concat(Enumerable.Repeat(Version("v1", key: "z"), VersionListingPage.MaxEntries + 1)))).SetName("more entries than a page may hold");
    }

    [TestCaseSource(nameof(Hostile))]
    public void A_page_that_breaks_the_rules_is_refused_whole(byte[] body) =>
        FluentActions.Invoking(() => VersionListingPage.Parse(body, Key)).Should().Throw<FormatException>();

    [TestCase("<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>Enabled</Status></VersioningConfiguration>", VersioningState.Enabled)]
    [TestCase("<VersioningConfiguration><Status>Suspended</Status></VersioningConfiguration>", VersioningState.Suspended)]
    [TestCase("<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>", VersioningState.Off)]
    [TestCase("<?xml version=\"1.0\"?><GetBucketVersioningResponse><Status>Enabled</Status></GetBucketVersioningResponse>", VersioningState.Enabled)]
    public void A_versioning_answer_is_read_from_either_root(string body, VersioningState state) =>
        VersioningAnswer.Parse(Encoding.UTF8.GetBytes(body)).Should().Be(state);

    [TestCase("<VersioningConfiguration><Status>Maybe</Status></VersioningConfiguration>")]
    [TestCase("<Error><Code>AccessDenied</Code></Error>")]
    [TestCase("")]
    [TestCase("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"Enabled\">]><VersioningConfiguration><Status>&e;</Status></VersioningConfiguration>")]
    public void A_versioning_answer_that_says_nothing_known_is_no_state(string body) =>
        VersioningAnswer.Parse(Encoding.UTF8.GetBytes(body)).Should().BeNull();
}
