"""The model picker: vendor groups, type to filter, the relay's own ids included."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.catalogue import ModelInfo
from ecovdesk.ui.widgets import tool_button

MODEL_ROLE = Qt.ItemDataRole.UserRole


def group_title(group: str) -> str:
    titles = {
        "openai_general": QCoreApplication.translate("ModelGroups", "OpenAI compatible"),
        "kimi": QCoreApplication.translate("ModelGroups", "Kimi"),
        "qwen": QCoreApplication.translate("ModelGroups", "Qwen"),
        "zhipu": QCoreApplication.translate("ModelGroups", "Zhipu GLM"),
        "metaso": QCoreApplication.translate("ModelGroups", "Metaso search"),
        "spark": QCoreApplication.translate("ModelGroups", "iFlytek Spark"),
        "hailuo": QCoreApplication.translate("ModelGroups", "Hailuo"),
        "deepseek": QCoreApplication.translate("ModelGroups", "DeepSeek"),
        "openai_allinone": QCoreApplication.translate(
            "ModelGroups", "OpenAI all-in-one (gpt-4o-all)"
        ),
        "images": QCoreApplication.translate("ModelGroups", "Pictures"),
        "midjourney": QCoreApplication.translate("ModelGroups", "Midjourney"),
        "suno": QCoreApplication.translate("ModelGroups", "Suno music"),
        "video": QCoreApplication.translate("ModelGroups", "Video"),
        "other": QCoreApplication.translate("ModelGroups", "Other models on the relay"),
    }
    return titles.get(group, group)


class ModelPopup(QFrame):
    chosen = Signal(str)
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.filter = QLineEdit(placeholderText=self.tr("Filter models…"), clearButtonEnabled=True)
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.returnPressed.connect(self._choose_current)
        # Up and Down move through the models shown while typing goes on in the filter.
        self.filter.installEventFilter(self)
        self.refresh = tool_button(self.tr("Refresh"))
        self.refresh.setToolTip(self.tr("Ask the relay for its current model list"))
        self.refresh.clicked.connect(self.refreshRequested)
        row.addWidget(self.filter, 1)
        row.addWidget(self.refresh)
        layout.addLayout(row)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.itemActivated.connect(self._item_chosen)
        self.tree.itemClicked.connect(self._item_chosen)
        layout.addWidget(self.tree)
        self.resize(360, 460)

    def set_models(self, models: list[ModelInfo], current: str) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for info in models:
            parent = groups.get(info.group)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [group_title(info.group)])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                groups[info.group] = parent
            item = QTreeWidgetItem(parent, [info.id])
            item.setData(0, MODEL_ROLE, info.id)
            if info.from_relay:
                item.setToolTip(0, self.tr("Offered by the relay for your key"))
            if info.id == current:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self.apply_filter(self.filter.text())

    def apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for group, children in self._model_items():
            any_shown = False
            for child in children:
                shown = (
                    not needle or needle in child.text(0).lower() or needle in group.text(0).lower()
                )
                child.setHidden(not shown)
                any_shown = any_shown or shown
            group.setHidden(not any_shown)
        current = self.tree.currentItem()
        if needle and (current is None or current.isHidden() or current.childCount()):
            visible = self._visible_models()
            if visible:
                self.tree.setCurrentItem(visible[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and event.type() == QEvent.Type.KeyPress:
                self._move(step)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        visible = self._visible_models()
        if not visible:
            return
        current = self.tree.currentItem()
        index = visible.index(current) + step if current in visible else 0
        self.tree.setCurrentItem(visible[max(0, min(index, len(visible) - 1))])

    def _model_items(self) -> list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]]:
        groups = [self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount())]
        return [
            (g, [c for c in (g.child(i) for i in range(g.childCount())) if c is not None])
            for g in groups
            if g is not None
        ]

    def _visible_models(self) -> list[QTreeWidgetItem]:
        return [i for _, items in self._model_items() for i in items if not i.isHidden()]

    def _choose_current(self) -> None:
        """Enter: the model Up and Down moved to, else the first one shown."""
        visible = self._visible_models()
        current = self.tree.currentItem()
        if current in visible:
            self._item_chosen(current)
        elif visible:
            self._item_chosen(visible[0])

    def _item_chosen(self, item: QTreeWidgetItem) -> None:
        model_id = item.data(0, MODEL_ROLE)
        if model_id:
            self.chosen.emit(model_id)
            self.hide()


class ModelPicker(QToolButton):
    modelChosen = Signal(str)
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._models: list[ModelInfo] = []
        self._current = ""
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setToolTip(self.tr("Choose the model (type to filter)"))
        self.popup = ModelPopup(self)
        self.popup.chosen.connect(self.choose)
        self.popup.refreshRequested.connect(self.refreshRequested)
        self.clicked.connect(self.open_popup)

    @property
    def current(self) -> str:
        return self._current

    def set_models(self, models: list[ModelInfo]) -> None:
        self._models = models
        self.popup.set_models(models, self._current)

    def set_current(self, model_id: str) -> None:
        self._current = model_id
        self.setText(f"{model_id}  ▾")

    def choose(self, model_id: str) -> None:
        """Makes ``model_id`` current as a pick from the list does, telling the window."""
        self.set_current(model_id)
        self.modelChosen.emit(model_id)

    def open_popup(self) -> None:
        self.popup.set_models(self._models, self._current)
        self.popup.filter.clear()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.filter.setFocus()
