using System.Xml;

namespace StartClaude.Core.History;

/// <summary>
/// A GetBucketVersioning answer, read as hostile input (bounded by the caller, no DTD): the root element
/// (S3's VersioningConfiguration, or moto's GetBucketVersioningResponse) and its Status. No Status is
/// a bucket whose versioning was never turned on.
/// </summary>
public static class VersioningAnswer
{
    /// <returns>The state; null when the body is not a versioning answer.</returns>
    public static VersioningState? Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 0, MaxCharactersInDocument = 64 * 1024 };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName is not ("VersioningConfiguration" or "GetBucketVersioningResponse"))
                return null;
            string? status = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Status")
                {
                    status = reader.ReadElementContentAsString().Trim();
                    break;
                }
            }
            return status switch
            {
                null or "" => VersioningState.Off,
                "Enabled" => VersioningState.Enabled,
                "Suspended" => VersioningState.Suspended,
                _ => null,
            };
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
