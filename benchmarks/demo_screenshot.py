"""The README's demo screenshot: the page answering one review with a saved model, shot in headless Chromium.

Serves the model the way `make run` does (an ONNX int8 export, `gatesent serve`'s app with website/), types the review,
writes the screenshot, prints the words with their contributions and gate scores, and adds them to
benchmarks/results/demo.json, from which the README's quote is checked.

    .venv/bin/python benchmarks/demo_screenshot.py --model-dir runs/evidence/gate/model --out nbs/images/demo.png
"""
import argparse, json, os, sys, tempfile
from pathlib import Path
from gatesent.export import export_onnx
from gatesent.serve import ServerThread, create_app

REVIEW = "The acting was not bad at all, but the plot dragged and the ending felt cheap."

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model-dir", required=True, help="a saved gatesent model folder")
    p.add_argument("--review", default=REVIEW)
    p.add_argument("--out", default="nbs/images/demo.png")
    p.add_argument("--chromium", default=os.environ.get("GATESENT_CHROMIUM", "/usr/bin/chromium"))
    a = p.parse_args()
    from playwright.sync_api import sync_playwright
    onnx = export_onnx(a.model_dir, Path(tempfile.mkdtemp())/"onnx", int8=True, keep_fp32=False)
    srv = ServerThread(create_app(onnx, website=Path(__file__).resolve().parents[1]/"website", int8=True)); srv.wait_ready(120)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=a.chromium)
        page = browser.new_page(viewport={"width": 900, "height": 700}, device_scale_factor=1)
        page.goto(srv.url + "/")
        page.fill("#review", a.review); page.click("#analyze"); page.wait_for_selector("#result:not([hidden])")
        page.screenshot(path=a.out, full_page=True)
        words = page.locator("#words .word").evaluate_all("els => els.map(e => [e.textContent, +e.dataset.contribution, +e.dataset.gate])")
        shown = {"label": page.text_content("#label"), "confidence": page.text_content("#confidence"), "sum": page.inner_text("#sum"),
                 "words": [(w, round(c, 2), round(g, 2)) for w, c, g in words]}
        print(json.dumps(shown, indent=1, ensure_ascii=False))
        sys.path.insert(0, str(Path(__file__).parent)); from record import save
        save("demo", a.review, {"model_dir": a.model_dir, "screenshot": a.out, **shown})
        browser.close()
    srv.stop()
    print(f"screenshot written to {a.out}")

if __name__ == "__main__": main()
