"""Text people typed, made inert for st.markdown: no links, images, HTML,
colours, maths or emphasis, exactly the characters they typed."""

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark.
_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def inert(value) -> str:
    text = "" if value is None else str(value)
    return _PUNCTUATION.sub(r"\\\1", text)


def inert_block(value) -> str:
    """Several lines: keep the line breaks (markdown would fold them)."""
    return "  \n".join(inert(line) for line in str(value or "").split("\n"))


# What turns prose into markup: links and images, HTML, emphasis, code, maths,
# strike-through, tables, headings, web addresses (www.x.test, name@x.test) and
# Streamlit's :colour[...] directives.
_MARKUP = re.compile(r"([\\\[\]<>*_`$~|#!:@])")
_WWW = re.compile(r"(?i)\b(www)\.")


def inert_message(value) -> str:
    """A message from core that may quote typed text (a name, a title): the typed
    part cannot become markup, and ordinary punctuation stays as it reads."""
    escaped = _MARKUP.sub(r"\\\1", "" if value is None else str(value))
    return _WWW.sub(r"\1\\.", escaped)
