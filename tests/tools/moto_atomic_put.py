"""moto_server whose object PUTs are atomic, as they are on S3.

moto 5.2.1 checks If-Match / If-None-Match and then writes the object without holding a lock,
on a threaded server, so two concurrent conditional PUTs can both pass the check. S3 itself
decides and writes in one step. The concurrency test needs that guarantee from its server,
so this wrapper serializes object PUTs and otherwise runs moto_server unchanged.
Usage: python3 moto_atomic_put.py -H 127.0.0.1 -p PORT
"""
import sys
import threading

from moto import server
from moto.s3.responses import S3Response

_lock = threading.Lock()
_put_object = S3Response.put_object


def _atomic_put_object(self, *args, **kwargs):
    with _lock:
        return _put_object(self, *args, **kwargs)


S3Response.put_object = _atomic_put_object

if __name__ == "__main__":
    sys.exit(server.main())
