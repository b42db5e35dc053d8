"""eventcoder: CAMEO event coding of news text from Stanza dependency parses."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eventcoder")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]
