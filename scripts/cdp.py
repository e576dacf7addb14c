"""Drive headless Chromium over the Chrome DevTools Protocol, through a pipe (no websocket library needed).

Chromium started with --remote-debugging-pipe reads commands on its fd 3 and writes responses and events on its
fd 4, each message one JSON object followed by a NUL byte. This module starts Debian's `chromium` that way and
gives a small synchronous API; it needs only the standard library.

    import cdp   # with scripts/ on sys.path

    with cdp.Browser() as browser:                       # headless, fresh profile, 1200x1600 window
        page = browser.open("output/sakuragaoka/preview/index.html")  # a file path or an http(s)/file URL
        title = page.evaluate("document.title")           # a JS expression's value (promises are awaited)
        page.wait_for("document.querySelector('.bubble') !== null", timeout=5)
        page.screenshot("index.png", full_page=True)
        page.navigate("http://127.0.0.1:8080/")           # waits for the load event
        page.reload()
        page.console                                      # [(level, text)] console messages and uncaught errors
        page.send("Page.setBypassCSP", enabled=True)      # any other CDP command on this page's session
        page.close()

Browser(chromium="chromium", window=(1200, 1600), args=(), timeout=30) starts the browser; timeout is the default
for every command and page load. Browser.open(url, wait=True) opens a new tab; Browser.close() (also on leaving the
`with`) ends the browser and removes its profile. Errors from Chromium or from evaluated JS raise CDPError.

Commands are synchronous: one thread sends a command and reads until its response, keeping the events that arrive
meanwhile (Page.wait_event() waits for one). A Browser is not meant to be shared between threads.
"""

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
import urllib.parse

__all__ = ["Browser", "Page", "CDPError", "url_of"]


class CDPError(Exception):
    """A CDP command failed, JS threw, a wait timed out, or the browser went away."""


def url_of(target):
    """A URL for `target`: http(s), file, about and data URLs as given, anything else as a local file path."""
    if urllib.parse.urlsplit(target).scheme in ("http", "https", "file", "about", "data"):
        return target
    return "file://" + urllib.parse.quote(os.path.abspath(target))


def _high(fd):
    """A copy of `fd` numbered 10 or more (close-on-exec); `fd` is closed."""
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return copy


class Browser:
    """A headless Chromium process with its own temporary profile, driven over --remote-debugging-pipe."""

    def __init__(self, chromium="chromium", window=(1200, 1600), args=(), timeout=30.0):
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="kizuna-cdp-")
        self._log = open(os.path.join(self._profile, "chromium.log"), "w+b")
        self._next_id = 0
        self._events = []  # events read while waiting for a response: (sessionId, method, params)
        self._buffer = b""
        commands_read, self._commands = os.pipe()
        self._responses, responses_write = os.pipe()
        # Above fd 9, so that the shell below never confuses them with the 3 and 4 it makes.
        commands_read, responses_write = (_high(commands_read), _high(responses_write))
        argv = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe", f"--user-data-dir={self._profile}",
                f"--window-size={window[0]},{window[1]}", *args, "about:blank"]
        # The pipe ends must be fds 3 and 4 in the browser: bash puts them there (dash cannot name fds above 9), which
        # unlike a preexec_fn is safe in a threaded program.
        shell = f'exec "$@" 3<&{commands_read} 4>&{responses_write} {commands_read}<&- {responses_write}>&-'
        try:
            self._process = subprocess.Popen(["/bin/bash", "-c", shell, "bash", *argv],
                                             pass_fds=(commands_read, responses_write),
                                             stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log)
        finally:
            os.close(commands_read)
            os.close(responses_write)
        try:
            self.version = self.call("Browser.getVersion")["product"]
        except CDPError:
            self.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def open(self, target="about:blank", wait=True):
        """A new tab showing `target` (file path or URL); with wait, returns once its load event has fired."""
        target_id = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target_id, flatten=True)["sessionId"]
        page = Page(self, target_id, session)
        if target != "about:blank":
            try:
                page.navigate(target, wait=wait)
            except CDPError:
                page.close()
                raise
        return page

    def call(self, method, session=None, timeout=None, **params):
        """Sends one CDP command (to the browser, or to a page's session) and returns its result."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        try:
            os.write(self._commands, json.dumps(message).encode() + b"\0")
        except OSError as error:
            raise CDPError(f"{method}: the browser is gone ({error}){self._tail()}") from error
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            reply = self._read(deadline, method)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    error = reply["error"]
                    raise CDPError(f"{method}: {error.get('message')} {error.get('data', '')}".strip())
                return reply.get("result", {})
            self._keep(reply)

    def wait_event(self, method, session=None, predicate=None, timeout=None):
        """The params of the first event `method` (of `session`) that satisfies `predicate`; consumes it."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            for index, (sid, name, params) in enumerate(self._events):
                if name == method and (session is None or sid == session) and (predicate is None or predicate(params)):
                    del self._events[index]
                    return params
            reply = self._read(deadline, method)
            self._keep(reply)

    def _keep(self, message):
        """Keeps an event for wait_event() and Page.console; only the latest 2000, so a long session stays small."""
        if "method" in message:
            self._events.append((message.get("sessionId"), message["method"], message.get("params", {})))
            del self._events[:-2000]

    def close(self):
        """Ends the browser (politely, then by force) and removes its profile."""
        if self._process.poll() is None:
            try:
                self.call("Browser.close", timeout=5)
            except CDPError:
                pass
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for fd in (self._commands, self._responses):
            try:
                os.close(fd)
            except OSError:
                pass
        self._log.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def _read(self, deadline, waiting_for):
        """The next message from the browser, or CDPError at the deadline or when the browser exits."""
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CDPError(f"{waiting_for}: timed out")
            ready, _, _ = select.select([self._responses], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._responses, 1 << 20)
            if not chunk:
                raise CDPError(f"{waiting_for}: the browser closed the pipe{self._tail()}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _tail(self):
        self._log.flush()
        self._log.seek(0)
        lines = self._log.read().decode(errors="replace").strip().splitlines()[-5:]
        return ("\n  chromium: " + "\n  chromium: ".join(lines)) if lines else ""


class Page:
    """One tab, attached with its own session. Collects console messages and uncaught errors in `console`."""

    def __init__(self, browser, target_id, session):
        self.browser, self.target_id, self.session = browser, target_id, session
        self.console = []
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def send(self, method, timeout=None, **params):
        """Any CDP command on this page's session; returns its result."""
        result = self.browser.call(method, session=self.session, timeout=timeout, **params)
        self._collect()
        return result

    def navigate(self, target, wait=True, timeout=None):
        """Goes to `target` (file path or URL); with wait, returns once the load event has fired."""
        result = self.send("Page.navigate", url=url_of(target))
        if result.get("errorText"):
            raise CDPError(f"cannot open {target}: {result['errorText']}")
        if wait:
            self.wait_event("Page.loadEventFired", timeout=timeout)

    def reload(self, wait=True, timeout=None):
        """Reloads the page, bypassing the cache; with wait, returns once the load event has fired."""
        self.send("Page.reload", ignoreCache=True)
        if wait:
            self.wait_event("Page.loadEventFired", timeout=timeout)

    def evaluate(self, expression, await_promise=True, timeout=None):
        """The value of a JS expression (returned by value, so JSON-like); a returned promise is awaited."""
        result = self.send("Runtime.evaluate", timeout=timeout, expression=expression, awaitPromise=await_promise,
                           returnByValue=True, userGesture=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CDPError(f"JS error: {text}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=10.0, interval=0.1):
        """Evaluates `expression` until it is truthy and returns its value; CDPError after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.evaluate(expression)
            except CDPError:
                value = None  # the page may be between documents while it reloads
            if value:
                return value
            if time.monotonic() >= deadline:
                raise CDPError(f"timed out after {timeout}s waiting for: {expression}")
            time.sleep(interval)

    def wait_event(self, method, predicate=None, timeout=None):
        """The params of this page's next event `method` that satisfies `predicate`."""
        params = self.browser.wait_event(method, session=self.session, predicate=predicate, timeout=timeout)
        self._collect()
        return params

    def screenshot(self, path, full_page=False):
        """Saves a PNG of the viewport, or of the whole page with full_page; returns the path."""
        params = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", **params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        return path

    def close(self):
        """Closes the tab."""
        self.browser.call("Target.closeTarget", targetId=self.target_id)

    def _collect(self):
        """Moves this page's console messages and uncaught errors out of the browser's event list."""
        kept = []
        for sid, method, params in self.browser._events:
            if sid != self.session:
                kept.append((sid, method, params))
            elif method == "Runtime.consoleAPICalled":
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                self.console.append((params.get("type", "log"), text))
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get("text", "")
                self.console.append(("error", text))
            elif method == "Log.entryAdded":
                entry = params.get("entry", {})
                self.console.append((entry.get("level", "info"), entry.get("text", "")))
            else:
                kept.append((sid, method, params))
        self.browser._events[:] = kept
