"""Fast X input for the e2e monkey: XTest through ctypes (libX11, libXtst;
xdotool's own libraries), one connection for a whole run instead of an
xdotool process per batch. Cyrillic is typed the way a person does it:
switch to the second layout (setxkbmap -layout us,ru), press, switch back.
"""
import ctypes
import ctypes.util

_x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
_xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
_x11.XOpenDisplay.restype = ctypes.c_void_p
_x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
_x11.XStringToKeysym.restype = ctypes.c_ulong
_x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
_x11.XKeysymToKeycode.restype = ctypes.c_ubyte
_x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
_x11.XFlush.argtypes = [ctypes.c_void_p]
_x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
_x11.XkbLockGroup.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_uint]
_xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
_xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                       ctypes.c_ulong]
_xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                       ctypes.c_ulong]
XKB_USE_CORE_KBD = 0x100
MODIFIERS = {"ctrl": "Control_L", "alt": "Alt_L", "shift": "Shift_L", "super": "Super_L"}
# X keysym names of the Russian letters а to я, then ё.
_RU = ("a be ve ghe de ie zhe ze i shorti ka el em en o pe er es te u ef ha tse che sha shcha "
       "hardsign yeru softsign e yu ya").split()
CYRILLIC = dict(zip("абвгдежзийклмнопрстуфхцчшщъыьэюя", ("Cyrillic_" + n for n in _RU)))
CYRILLIC["ё"] = "Cyrillic_io"


class XInput:
    def __init__(self):
        self.dpy = _x11.XOpenDisplay(None)
        if not self.dpy:
            raise RuntimeError("cannot open the display")

    def _code(self, name):
        sym = _x11.XStringToKeysym(name.encode())
        code = _x11.XKeysymToKeycode(self.dpy, sym) if sym else 0
        if not code:
            raise ValueError("no key for %r" % name)
        return code

    def _tap(self, code):
        _xtst.XTestFakeKeyEvent(self.dpy, code, 1, 0)
        _xtst.XTestFakeKeyEvent(self.dpy, code, 0, 0)

    def key(self, combo):
        """A key or a combination as xdotool writes it: "Return", "alt+F4"."""
        names = combo.split("+")
        mods = [self._code(MODIFIERS.get(n, n)) for n in names[:-1]]
        for m in mods:
            _xtst.XTestFakeKeyEvent(self.dpy, m, 1, 0)
        self._tap(self._code(MODIFIERS.get(names[-1], names[-1])))
        for m in reversed(mods):
            _xtst.XTestFakeKeyEvent(self.dpy, m, 0, 0)
        _x11.XFlush(self.dpy)

    def type(self, text):
        """Latin letters, digits, a few signs and Cyrillic letters."""
        for ch in text:
            if ch.lower() in CYRILLIC:
                # The us,ru layout: Cyrillic is the second group.
                upper = ch != ch.lower()
                code = self._code(CYRILLIC[ch.lower()])
                _x11.XkbLockGroup(self.dpy, XKB_USE_CORE_KBD, 1)
                if upper:
                    _xtst.XTestFakeKeyEvent(self.dpy, self._code("Shift_L"), 1, 0)
                self._tap(code)
                if upper:
                    _xtst.XTestFakeKeyEvent(self.dpy, self._code("Shift_L"), 0, 0)
                _x11.XkbLockGroup(self.dpy, XKB_USE_CORE_KBD, 0)
            else:
                name = {" ": "space", ",": "comma", ".": "period", "-": "minus"}.get(ch, ch)
                self._tap(self._code(name))
        _x11.XFlush(self.dpy)

    def click(self, x, y, button=1):
        _xtst.XTestFakeMotionEvent(self.dpy, -1, x, y, 0)
        _xtst.XTestFakeButtonEvent(self.dpy, button, 1, 0)
        _xtst.XTestFakeButtonEvent(self.dpy, button, 0, 0)
        _x11.XFlush(self.dpy)

    def drag(self, x0, y0, x1, y1):
        _xtst.XTestFakeMotionEvent(self.dpy, -1, x0, y0, 0)
        _xtst.XTestFakeButtonEvent(self.dpy, 1, 1, 0)
        _xtst.XTestFakeMotionEvent(self.dpy, -1, x1, y1, 0)
        _xtst.XTestFakeButtonEvent(self.dpy, 1, 0, 0)
        _x11.XFlush(self.dpy)

    def sync(self):
        """Waits until the X server has taken every event sent."""
        _x11.XSync(self.dpy, 0)
