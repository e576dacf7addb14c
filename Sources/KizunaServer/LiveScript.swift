import Crypto
import Foundation

/// The script `serve` adds to the pages it serves, and the policy that lets exactly it run. Files written by `build`
/// carry no script and forbid every script; only their served copies are changed.
enum LiveScript {
    /// The path of the server-sent events the script listens to.
    static let eventsPath = "/_kizuna/events"

    /// Reloads the page when a build rewrote it, goes to the day of a changed manuscript, and shows every finding
    /// of a failed build above the last good page. It builds the panel with DOM calls and `textContent` only.
    static let source = """
        (() => {
          "use strict";
          const mark = document.querySelector('meta[name="kizuna-live"]');
          const [session, served] = mark ? mark.content.split(" ") : ["", "0"];
          const here = decodeURI(location.pathname);
          const edition = here.split("/")[1] || "";
          let first = true;
          let panel = null;
          const hide = () => { if (panel) { panel.remove(); panel = null; } };
          const show = (state) => {
            hide();
            panel = document.createElement("section");
            panel.id = "kizuna-live-problems";
            panel.setAttribute("role", "alert");
            panel.setAttribute("lang", state.lang);
            panel.setAttribute("aria-labelledby", "kizuna-live-heading");
            panel.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;" +
              "z-index:2147483647;margin:0;padding:12px 16px 16px;background:#fff;color:#1a1a1a;" +
              "border-top:4px solid #b00020;box-shadow:0 -2px 12px rgba(0,0,0,.35);font:14px/1.6 sans-serif";
            const heading = document.createElement("h2");
            heading.id = "kizuna-live-heading";
            heading.textContent = state.heading;
            heading.style.cssText = "margin:0 0 8px;font-size:16px;color:#b00020";
            const list = document.createElement("ul");
            list.style.cssText = "margin:0 0 12px;padding-left:20px";
            for (const problem of state.problems) {
              const item = document.createElement("li");
              if (problem.location) {
                const where = document.createElement("code");
                where.textContent = problem.location;
                item.append(where, ": ");
              }
              const severity = document.createElement("strong");
              severity.textContent = problem.severity;
              severity.style.color = problem.severity === "error" ? "#b00020" : "#7a4b00";
              item.append(severity, ": " + problem.message + (problem.rule ? " [" + problem.rule + "]" : ""));
              for (const note of problem.notes) {
                const line = document.createElement("div");
                line.textContent = note;
                line.style.cssText = "padding-left:1.5em;color:#444";
                item.append(line);
              }
              list.append(item);
            }
            const close = document.createElement("button");
            close.type = "button";
            close.textContent = state.close;
            close.style.cssText = "font:inherit;padding:4px 16px;color:#1a1a1a;background:#f0f0f0;" +
              "border:1px solid #595959;border-radius:4px;cursor:pointer";
            close.addEventListener("click", hide);
            panel.append(heading, list, close);
            document.body.append(panel);
          };
          const events = new EventSource("/_kizuna/events?page=" + encodeURIComponent(location.pathname));
          events.addEventListener("state", (event) => {
            const state = JSON.parse(event.data);
            // The first state is the one current when the page connected: it shows whether the page missed a build.
            const missed = first && (state.session !== session || state.built > Number(served));
            const fresh = first && !missed;
            first = false;
            if (!state.ok) { show(state); return; }
            if (fresh) { hide(); return; }
            const target = state.navigate[edition] || Object.values(state.navigate)[0];
            if (target && target !== here) { location.assign(target); return; }
            if (missed || target || state.pages.includes(here)) { location.reload(); return; }
            hide();
          });
        })();
        """

    /// `sha256-…` of `source`, as a Content-Security-Policy source expression names it.
    static let hash: String = "'sha256-\(Data(SHA256.hash(data: Data(source.utf8))).base64EncodedString())'"

    /// The policy of a served page: the built pages' own, plus exactly this script and its one connection.
    /// `origin`: `http://127.0.0.1:1313`, as the browser addressed the server.
    static func policy(origin: String) -> String {
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
            + "script-src \(hash); connect-src \(origin)\(eventsPath)"
    }

    /// A built page with its policy replaced by `policy(origin:)`, the marker of the build it comes from, and the
    /// script before `</body>`.
    static func inject(into page: String, origin: String, session: String, built: Int) -> String {
        let meta =
            "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy(origin: origin))\">\n"
            + "<meta name=\"kizuna-live\" content=\"\(session) \(built)\">"
        var page = page
        if let start = page.range(of: "<meta http-equiv=\"Content-Security-Policy\""),
            let end = page.range(of: ">", range: start.upperBound..<page.endIndex)
        {
            page.replaceSubrange(start.lowerBound..<end.upperBound, with: meta)
        } else if let head = page.range(of: "<head>") {
            page.replaceSubrange(head, with: "<head>\n" + meta)
        }
        let script = "<script>\(source)</script>\n"
        if let body = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script, at: body.lowerBound)
        } else {
            page += script
        }
        return page
    }
}
