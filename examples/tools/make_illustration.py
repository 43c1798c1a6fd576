"""Draw the example article's illustration (examples/csto-sco-afghanistan.jpg).

Made here, from shapes, so that its alt text can say exactly what it shows:
eight stylised figures standing in a row on a stage in front of a dark blue wall,
under a gold banner. Run: python3 examples/tools/make_illustration.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675
OUT = Path(__file__).resolve().parent.parent / "csto-sco-afghanistan.jpg"


def main() -> None:
    image = Image.new("RGB", (WIDTH, HEIGHT), "#1f3a5f")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 520, WIDTH, HEIGHT], fill="#7a5c3e")  # stage floor
    draw.rectangle([150, 60, WIDTH - 150, 140], fill="#d4a72c")  # banner
    spacing = (WIDTH - 200) / 8
    for i in range(8):
        x = 100 + spacing * i + spacing / 2
        tone = ("#e9e4dc", "#d8d2c8")[i % 2]
        draw.ellipse([x - 32, 250, x + 32, 314], fill="#c99a74")  # head
        draw.rounded_rectangle([x - 52, 322, x + 52, 520], radius=28, fill="#2b2b2b")  # suit
        draw.polygon([(x - 14, 322), (x + 14, 322), (x, 380)], fill=tone)  # shirt
    image.save(OUT, "JPEG", quality=88, optimize=True)


if __name__ == "__main__":
    main()
