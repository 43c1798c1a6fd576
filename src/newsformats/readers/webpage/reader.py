"""Reading a saved page, part by part: metadata, headline, dates, byline, body, standfirst,
lead picture, then the body's furniture left out.
"""

from __future__ import annotations

from typing import Any

from ...model import Article
from ..assemble import finish_article
from ..html_body import (
    BodyOptions,
    drop_repeated_headline,
    html_to_blocks,
    level_headings,
)
from ..source import Source
from ..xmltree import text_of
from .body import (
    bold_subheadings,
    fallback_body,
    main_content,
    text_below_headline,
    text_length,
    with_dropped_pictures,
    with_whole_runs,
)
from .bylines import (
    aside_byline,
    body_byline,
    chosen_people,
    dateline_reporter,
    imprint_publisher,
    near_headline,
    not_imprint,
    owner_of,
    page_authors,
    shown_byline,
)
from .dates import bare_day, body_date_line, dated, shown_dates, time_of_day, twin_zone
from .furniture import (
    bracket_credit,
    closing_sign_off,
    without_alt_legends,
    without_closing_byline,
    without_closing_date_line,
    without_comments_preamble,
    without_control_prompt,
    without_follow_lines,
    without_header_lines,
    without_pull_quotes,
    without_side_boxes,
    without_signature,
    without_site_notice,
    without_stream_label,
    without_tag_line,
)
from .headline import all_titles, heading_byline, headline_anchor, metadata_titles, read_headline
from .names import ld_authors, names_in
from .page import (
    MODIFIED_META,
    PUBLISHED_META,
    SHORT_BODY,
    base_url,
    epoch,
    first_text,
    json_ld,
    keywords,
    language_of,
    meta_tags,
    page_text,
    parse_page,
    publisher_of,
    site_keys,
)
from .pictures import (
    lead_image,
    no_story_picture,
    picture_under_headline,
    warn_undescribed_lead,
)
from .standfirst import read_standfirst, without_repeated_standfirst
from .zones import without_appeal_box, without_closing_sections, without_header_box


def read_web_page(source: Source) -> Article:
    """Read a saved news page: the headline, byline, dates, lead image and body paragraphs."""
    text = page_text(source)
    page = parse_page(source, text)
    meta = meta_tags(page)
    ld = json_ld(page, source)
    base = base_url(page, ld, meta)
    sites = site_keys(ld, meta, base)
    headline, kicker, heading = read_headline(page, ld, meta, sites, source.name)
    anchor = headline_anchor(page, heading, headline)
    descriptions = [
        d
        for d in (
            first_text(ld.get("description")),
            first_text(meta.get("og:description")),
            first_text(meta.get("description")),
        )
        if d
    ]
    published = [ld.get("datePublished"), *(meta.get(k) for k in PUBLISHED_META), epoch(meta)]
    data: dict[str, Any] = {
        "headline": headline,
        "kicker": kicker,
        "language": language_of(
            ld.get("inLanguage"),
            page.get("lang"),
            page.get("{http://www.w3.org/XML/1998/namespace}lang"),
            meta.get("og:locale"),
            meta.get("content-language"),
            meta.get("language"),
            meta.get("dc.language"),
        ),
        "authors": chosen_people(
            (
                lambda: ld_authors(ld.get("author")),
                lambda: names_in(not_imprint(meta.get("author"))),
                lambda: names_in(meta.get("article:author")),
                lambda: names_in(meta.get("parsely-author")),
                lambda: page_authors(page, sites),
                lambda: names_in(
                    heading_byline(heading, all_titles(page, ld, meta, sites))
                    if heading is not None
                    else None
                ),
                lambda: shown_byline(page, anchor),
                lambda: aside_byline(page),
            ),
            sites,
            owner_of(ld, meta),
            lambda name: near_headline(page, anchor, name),
        ),
        "published": None
        if bare_day(published)
        else dated(published, page, "datePublished", source.name),
        "updated": dated(
            [ld.get("dateModified"), *(meta.get(k) for k in MODIFIED_META)],
            page,
            "dateModified",
            source.name,
            twin_zone(published),
        ),
        "section": first_text(ld.get("articleSection"), meta.get("article:section")),
        "publisher": publisher_of(ld.get("publisher"), meta.get("og:site_name"))
        or imprint_publisher(meta.get("author")),
        "keywords": keywords(ld.get("keywords") or meta.get("keywords")),
        "canonical_url": base if base and base.startswith(("http://", "https://")) else None,
    }
    if day := bare_day(published):
        data["published"] = time_of_day(
            page, anchor, day, data["language"] or "en", source.name
        ) or dated(published, page, "datePublished", source.name)
    shown_dates(page, anchor, ld, meta, data, source.name)
    options = BodyOptions(base_url=base, where=source.name, folder=source.folder)
    body = html_to_blocks(
        with_dropped_pictures(page, main_content(source, with_whole_runs(page) or text)), options
    )
    if text_length(body) < SHORT_BODY:
        body = fallback_body(page, body, options, source.name)
    body = text_below_headline(page, heading, body, options, source.name)
    body = drop_repeated_headline(body, headline or "")
    if kicker:
        body = drop_repeated_headline(body, kicker)
    site = " ".join(
        filter(None, (text_of(next(page.iter("title"), None)), meta.get("og:site_name")))
    )
    data["standfirst"], body = read_standfirst(page, heading, descriptions, body, source.name, site)
    body = without_repeated_standfirst(body, data["standfirst"])
    body = without_header_lines(heading, body, source.name)
    body = without_alt_legends(body, source.name)
    data["lead_image"] = lead_image(page, ld, meta, base, body, source.name)
    if data["lead_image"] is None and no_story_picture(page, ld, meta, base):
        data["lead_image"] = picture_under_headline(page, anchor, base, body, source.name)
    warn_undescribed_lead(data["lead_image"], source.name)
    body = without_comments_preamble(page, body, source.name)
    for image in [data["lead_image"], *(b["image"] for b in body if b["type"] == "figure")]:
        bracket_credit(image)
    body, data["authors"] = body_byline(body, data["authors"], sites, source.name)
    data["authors"] = dateline_reporter(
        body, data["authors"], sites, owner_of(ld, meta), source.name
    )
    body = without_header_box(page, body, source.name)
    body = without_closing_sections(page, body, source.name)
    body = without_appeal_box(page, body, source.name)
    body = without_closing_byline(body, data["authors"], source.name)
    body, data["authors"] = closing_sign_off(body, data["authors"], source.name)
    body = without_follow_lines(body, sites, source.name)
    body = without_signature(body, source.name)
    body = without_pull_quotes(page, body, source.name)
    body = without_tag_line(body, source.name)
    body = without_control_prompt(page, body, source.name)
    body = without_closing_date_line(body, data, source.name)
    body = without_side_boxes(page, body, source.name)
    body = without_site_notice(page, body, source.name)
    body = body_date_line(body, data, source.name)
    body = without_stream_label(body, source.name)
    body = bold_subheadings(body, source.name)
    data["body"] = level_headings(body)  # a subheading left out may leave a level skipped
    return finish_article(data, source)


def page_titles(source: Source) -> list[tuple[str, str]]:
    """What the page's metadata titles it, source by source, each without the site's name
    (``--explain`` shows them beside the headline read).

    >>> page_titles(open_source("story.html"))  # doctest: +SKIP
    [('JSON-LD headline', 'Storm closes schools'), ('<title>', 'Storm closes schools')]
    """
    page = parse_page(source, page_text(source))
    meta = meta_tags(page)
    ld = json_ld(page, source)
    return metadata_titles(page, ld, meta, site_keys(ld, meta, base_url(page, ld, meta)))
