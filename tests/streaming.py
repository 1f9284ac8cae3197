"""Reading streamed responses (the downloads) in tests."""

import json


def body(response) -> bytes:
    """The whole body, whether the response streams or not (reads a stream to the end)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def json_of(response):
    return json.loads(body(response))
