"""moto_server whose S3 signature check canonicalizes the request as S3 does.

moto 5.2.1 checks an S3 request's SigV4 signature against the URL as its web framework re-quotes
it: a key with non-ASCII or '+', '=', ',', ';', '@' (and a query value with '/') is canonicalized
differently from S3 (and ';' cuts the path short), so even boto3 and the AWS CLI get SignatureDoesNotMatch for such keys
(measured 2026-11-26). S3 decodes the path and query and encodes them again the SigV4 way; this
wrapper makes moto do the same before it checks, and otherwise runs moto_server unchanged.
With START_CLAUDE_ATOMIC_PUTS=1 it also serializes object PUTs (see moto_atomic_put.py).
Usage: python3 moto_s3_signing.py -H 127.0.0.1 -p PORT
"""
import os
import sys
from urllib.parse import quote, unquote, urlsplit

import moto.core.authorization
from moto import server
from moto.iam.access_control import S3IAMRequest

# urlparse splits ';…' off the last path segment as "parameters"; S3 keys may hold ';'.
moto.core.authorization.urlparse = urlsplit

_create_aws_request = S3IAMRequest._create_aws_request


def _encode(text):
    return quote(text, safe="-_.~")


def _canonical_aws_request(self):
    request = _create_aws_request(self)
    parts = urlsplit(request.url)
    path = quote(unquote(parts.path), safe="/~")
    pairs = []
    for pair in filter(None, parts.query.split("&")):
        name, _, value = pair.partition("=")
        pairs.append((_encode(unquote(name)), _encode(unquote(value))))
    query = "&".join(f"{name}={value}" for name, value in sorted(pairs))
    request.url = path + ("?" + query if query else "")
    return request


S3IAMRequest._create_aws_request = _canonical_aws_request

if os.environ.get("START_CLAUDE_ATOMIC_PUTS") == "1":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import moto_atomic_put  # noqa: F401  (patches S3Response.put_object on import)

if __name__ == "__main__":
    sys.exit(server.main())
