"""Machine-readable metadata about an article: schema.org NewsArticle (JSON-LD), and the
Open Graph and Twitter card ``<meta>`` that link previews read."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from ..model import Article, plain_text


def news_article_jsonld(article: Article, image_urls: list[str]) -> dict[str, Any]:
    """Return the schema.org ``NewsArticle`` description of ``article``.

    >>> from newsformats.model import Article
    >>> news_article_jsonld(Article(headline="Hi", language="en", body=["x"]), [])["@type"]
    'NewsArticle'
    """
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline[:110],
        "inLanguage": article.language,
        "articleBody": "\n\n".join(plain_text(p.content) for p in article.paragraphs),
    }
    if article.standfirst:
        data["description"] = article.standfirst
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if article.updated:
        data["dateModified"] = article.updated.isoformat()
    if article.authors:
        data["author"] = [
            {"@type": "Person", "name": p.name, **({"url": str(p.url)} if p.url else {})}
            for p in article.authors
        ]
    if article.publisher:
        publisher: dict[str, Any] = {"@type": "Organization", "name": article.publisher.name}
        if article.publisher.url:
            publisher["url"] = str(article.publisher.url)
        data["publisher"] = publisher
    if article.canonical_url:
        data["mainEntityOfPage"] = str(article.canonical_url)
        data["url"] = str(article.canonical_url)
    if article.dateline:
        data["locationCreated"] = {"@type": "Place", "name": article.dateline}
    if article.keywords:
        data["keywords"] = ", ".join(article.keywords)
    if article.section:
        data["articleSection"] = article.section
    if image_urls:
        data["image"] = absolute_urls(article, image_urls)
    if article.credit_line:
        data["creditText"] = article.credit_line
    return data


def absolute_urls(article: Article, urls: list[str]) -> list[str]:
    """``urls`` made absolute against the article's canonical URL, when it has one.

    Pages are published beside their pictures, so a picture's relative name resolves
    against the page's address.

    >>> from newsformats.model import Article
    >>> a = Article(headline="Hi", language="en", body=["x"],
    ...             canonical_url="https://news.example/2021/story.html")
    >>> absolute_urls(a, ["story-fig1.jpg"])
    ['https://news.example/2021/story-fig1.jpg']
    """
    if not article.canonical_url:
        return list(urls)
    return [urljoin(str(article.canonical_url), url) for url in urls]


def social_meta(
    article: Article, description: str, images: list[tuple[str, str]]
) -> list[tuple[str, str, str]]:
    """Open Graph and Twitter card tags as ``(attribute, key, content)`` triples.

    ``images`` are ``(url, alt)`` pairs. Open Graph wants absolute URLs, so
    ``og:url`` and the images are given only when the canonical URL is known.

    >>> from newsformats.model import Article
    >>> tags = social_meta(Article(headline="Hi", language="en-GB", body=["x"]), "x", [])
    >>> ("property", "og:locale", "en_GB") in tags, ("name", "twitter:card", "summary") in tags
    (True, True)
    """
    tags = [
        ("property", "og:type", "article"),
        ("property", "og:title", article.headline),
        ("property", "og:description", description),
        ("property", "og:locale", article.language.replace("-", "_")),
    ]
    if article.publisher:
        tags.append(("property", "og:site_name", article.publisher.name))
    if article.canonical_url:
        tags.append(("property", "og:url", str(article.canonical_url)))
    if article.published:
        tags.append(("property", "article:published_time", article.published.isoformat()))
    if article.updated:
        tags.append(("property", "article:modified_time", article.updated.isoformat()))
    if article.section:
        tags.append(("property", "article:section", article.section))
    shown = [
        (url, alt)
        for url, alt in zip(
            absolute_urls(article, [u for u, _ in images]), [a for _, a in images], strict=True
        )
        if article.canonical_url
    ]
    for url, alt in shown:
        tags.append(("property", "og:image", url))
        if alt:
            tags.append(("property", "og:image:alt", alt))
    tags.append(("name", "twitter:card", "summary_large_image" if shown else "summary"))
    tags.append(("name", "twitter:title", article.headline))
    tags.append(("name", "twitter:description", description))
    if shown:
        tags.append(("name", "twitter:image", shown[0][0]))
        if shown[0][1]:
            tags.append(("name", "twitter:image:alt", shown[0][1]))
    return tags
