"""Storage: the only package that holds SQL."""

from .connection import backup, connect, default_path

__all__ = ["backup", "connect", "default_path"]
