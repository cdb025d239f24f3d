"""Settings: relay address and key, proxy, timeout, theme and language."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.ui import looks
from ecovdesk.ui.error_text import describe_error
from ecovdesk.ui.relay_address import AddressProblem, address_problem, completed_address
from ecovdesk.ui.widgets import label

log = logging.getLogger(__name__)

ConnectionTester = Callable[[str, str, str, float], Awaitable[int]]


@dataclass
class SettingsValues:
    base_url: str
    api_key: str
    key_session_only: bool
    proxy: str
    timeout: float
    theme: str
    language: str


class SettingsDialog(QDialog):
    def __init__(
        self,
        values: SettingsValues,
        *,
        keyring_available: bool,
        tester: ConnectionTester,
        first_run: bool = False,
        key_from_environment: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tester = tester
        self._test_task: asyncio.Future[None] | None = None
        self.setWindowTitle(self.tr("Welcome to ecovdesk") if first_run else self.tr("Settings"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(
                self.tr("Enter the address of your relay and your API key to start chatting.")
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.base_url = QLineEdit(values.base_url, placeholderText="https://api.ecovai.cn")
        self.address_error = label(name=looks.ERROR, wrap=True)
        self.address_error.setVisible(False)
        self.base_url.textEdited.connect(lambda _text: self.address_error.setVisible(False))
        self.api_key = QLineEdit(values.api_key, echoMode=QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText("sk-…")
        show_key = QCheckBox(self.tr("Show"))
        show_key.toggled.connect(
            lambda on: self.api_key.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(show_key)
        self.session_only = QCheckBox(self.tr("Keep the key for this session only"))
        self.session_only.setChecked(values.key_session_only or not keyring_available)
        self.key_note = label(name=looks.WARNING, wrap=True)
        if keyring_available:
            self.key_note.setText(
                self.tr("The key is kept in the system keyring, never in a file.")
            )
            looks.set_look(self.key_note, looks.DIMMED)
        else:
            self.key_note.setText(
                self.tr(
                    "No system keyring is available, so the key can only be kept until ecovdesk "
                    "closes. Set ECOVDESK_API_KEY to avoid typing it each time."
                )
            )
            self.session_only.setEnabled(False)
        if key_from_environment:
            # ECOVDESK_API_KEY wins over anything stored: a key typed here would be ignored.
            self.api_key.setReadOnly(True)
            self.session_only.setEnabled(False)
            self.key_note.setText(
                self.tr("This key comes from ECOVDESK_API_KEY. Unset it to use another key.")
            )
            looks.set_look(self.key_note, looks.WARNING)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._start_test)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        # Under the button, the whole width of the form: a refusal with the relay's words
        # takes several lines, and beside the button it was cut off.
        self.test_result = QLabel(wordWrap=True)
        self.test_result.setVisible(False)
        self.proxy = QLineEdit(values.proxy, placeholderText="http://127.0.0.1:7890")
        self.proxy.setToolTip(self.tr("An HTTP or SOCKS5 proxy, e.g. socks5://127.0.0.1:7891"))
        self.timeout = QDoubleSpinBox(minimum=5, maximum=1800, decimals=0, value=values.timeout)
        self.timeout.setSuffix(self.tr(" s"))
        self.theme = QComboBox()
        for text, value in (
            (self.tr("Follow the system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
        ):
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(values.theme)))
        self.language = QComboBox()
        for text, value in (
            (self.tr("Follow the system"), "system"),
            ("中文", "zh_CN"),
            ("English", "en"),
        ):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(values.language)))
        form.addRow(self.tr("Relay address"), self.base_url)
        form.addRow("", self.address_error)
        form.addRow(self.tr("API key"), key_row)
        form.addRow("", self.session_only)
        form.addRow("", self.key_note)
        form.addRow("", test_row)
        form.addRow("", self.test_result)
        form.addRow(self.tr("Proxy"), self.proxy)
        form.addRow(self.tr("Request timeout"), self.timeout)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Language"), self.language)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> SettingsValues:
        return SettingsValues(
            base_url=completed_address(self.base_url.text()),
            api_key=self.api_key.text().strip(),
            key_session_only=self.session_only.isChecked(),
            proxy=self.proxy.text().strip(),
            timeout=float(self.timeout.value()),
            theme=str(self.theme.currentData()),
            language=str(self.language.currentData()),
        )

    def accept(self) -> None:
        if self._address_refused():
            return
        super().accept()

    def _address_refused(self) -> bool:
        """Shows why the address cannot be used, if it cannot; nothing is saved or tried."""
        problem = address_problem(self.values().base_url)
        if problem is None:
            return False
        if problem is AddressProblem.EMPTY:
            text = self.tr("Enter the relay's address, e.g. https://api.ecovai.cn")
        else:
            text = self.tr(
                "This is not a web address. A relay's address starts with https:// or "
                "http://, e.g. https://api.ecovai.cn"
            )
        self.address_error.setText(text)
        self.address_error.setVisible(True)
        self.base_url.setFocus()
        self.base_url.selectAll()
        return True

    def _start_test(self) -> None:
        if self._address_refused():
            return
        values = self.values()
        self.test_button.setEnabled(False)
        self._show_result(self.tr("Connecting…"), looks.DIMMED)
        self._test_task = asyncio.ensure_future(self._run_test(values))

    async def _run_test(self, values: SettingsValues) -> None:
        try:
            count = await self._tester(
                values.base_url, values.api_key, values.proxy, values.timeout
            )
        except RelayError as error:
            kind = "bad_key_in_settings" if error.kind is ErrorKind.BAD_KEY else error.kind.value
            self._show_result(describe_error(kind, error.message), looks.ERROR)
        except Exception:
            # Whatever went wrong, the result says so instead of "Connecting…" for good.
            log.exception("testing the connection failed")
            self._show_result(describe_error("internal", None), looks.ERROR)
        else:
            self._show_result(
                self.tr("Connected: the relay offers %n model(s).", "", count), looks.DIMMED
            )
        finally:
            self.test_button.setEnabled(True)

    def _show_result(self, text: str, look: str) -> None:
        label = self.test_result
        label.setText(text)
        looks.set_look(label, look)
        label.setVisible(True)
        # A wrapped label does not ask its window for the lines it needs: it is given them
        # here, at the width of the fields it sits under, and the dialog grows to fit.
        label.setMinimumHeight(label.heightForWidth(self.base_url.width()))
