"""Where an issue links to: the lead's file in the repository and its page on the site."""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass

from leadreg.settings import Settings


@dataclass(frozen=True)
class Links:
    repo_url: str | None  # https://github.com/OWNER/REPO
    site_url: str | None  # https://OWNER.github.io/REPO/

    @classmethod
    def for_registry(cls, settings: Settings, repository: str | None = None) -> Links:
        """From ``repo_url`` in registry.yaml, else the Actions environment; the site is
        ``LEADREG_SITE_URL`` or, for a github.com repository, its GitHub Pages address."""
        repo_url = settings.repo_url or _actions_repo_url(repository)
        site_url = os.environ.get("LEADREG_SITE_URL") or _pages_url(repo_url)
        return cls(repo_url.rstrip("/") if repo_url else None,
                   site_url.rstrip("/") + "/" if site_url else None)

    def file(self, path: str) -> str | None:
        if not self.repo_url:
            return None
        return f"{self.repo_url}/blob/HEAD/{urllib.parse.quote(path)}"

    def page(self, lead_id: str) -> str | None:
        return f"{self.site_url}leads/{lead_id}/" if self.site_url else None


def _actions_repo_url(repository: str | None) -> str | None:
    repository = repository or os.environ.get("GITHUB_REPOSITORY")
    if not repository:
        return None
    server = os.environ.get("GITHUB_SERVER_URL") or "https://github.com"
    return f"{server.rstrip('/')}/{repository}"


def _pages_url(repo_url: str | None) -> str | None:
    if not repo_url:
        return None
    parts = urllib.parse.urlsplit(repo_url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.netloc.lower() != "github.com" or len(segments) != 2:
        return None
    owner, repo = segments[0], segments[1].removesuffix(".git")
    if repo.lower() == f"{owner.lower()}.github.io":
        return f"https://{repo.lower()}/"
    return f"https://{owner.lower()}.github.io/{repo}/"
