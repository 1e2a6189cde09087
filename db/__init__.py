"""Storage: the only package that holds SQL."""

from .connection import RestoreRefused, backup, check_backup, connect, default_path, restore

__all__ = ["RestoreRefused", "backup", "check_backup", "connect", "default_path", "restore"]
