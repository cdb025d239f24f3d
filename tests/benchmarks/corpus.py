"""Chat text for generated profiles: Chinese and English Markdown that reads like real replies.

Sentences come from word lists with a seeded generator, so a profile is the same on every
machine. Messages are assembled from a pool of pre-built sentences: building every one from
words would make the generator, not SQLite, the slow part of making a large profile.
"""

from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ZH_WORDS = _words(
    "数据库 索引 缓存 查询 性能 优化 模型 训练 推理 部署 服务器 客户端 接口 参数 配置 "
    "日志 错误 异常 线程 进程 内存 磁盘 网络 延迟 吞吐量 并发 事务 备份 迁移 版本 "
    "用户 界面 窗口 按钮 图片 视频 音乐 文件 文档 目录 路径 权限 密钥 令牌 请求 响应 "
    "流式 输出 输入 文本 字符 编码 解码 压缩 加密 签名 证书 域名 代理 端口 协议 "
    "算法 结构 列表 字典 集合 队列 堆栈 递归 循环 函数 方法 对象 类型 变量 常量 "
    "测试 单元 集成 覆盖率 基准 指标 监控 告警 容器 镜像 集群 节点 调度 负载 均衡 "
    "学习 计划 旅行 天气 上海 北京 杭州 周末 会议 报告 总结 翻译 写作 邮件 表格 "
    "搜索 推荐 分类 聚类 向量 嵌入 提示词 上下文 窗口 令牌数 温度 采样 微调 评估"
)
ZH_GLUE = _words(
    "的 了 和 与 在 把 被 对 从 到 可以 需要 应该 已经 还是 但是 所以 因为 如果 就 也 都 很 更"
)
ZH_STARTS = (
    "首先",
    "其次",
    "另外",
    "总的来说",
    "需要注意的是",
    "在实际项目中",
    "一般来说",
    "举个例子",
    "简单地说",
    "换句话说",
)
EN_WORDS = _words(
    "the a an of to in for with on by from that this it is are was be can will should "
    "database index cache query latency throughput model token stream reply window widget "
    "thread process memory disk network request response server client function method "
    "class object value list dict queue stack loop recursion test benchmark metric profile "
    "deploy build release version migration backup schema table column row transaction "
    "user interface button picture gallery thumbnail file folder path key secret proxy "
    "performance design layer service store event signal render layout paint scroll "
    "search result snippet title message conversation prompt context temperature sample "
    "python sqlite qt markdown json http async await timer executor pool worker"
)
# Rare words, so that some searches find only a handful of messages.
RARE = ("量子纠缠", "quokka", "马赛克拼贴", "zeppelin", "琉璃瓦", "marzipan")
CODE_BLOCKS = (
    "```python\ndef cached(fn):\n    memo = {}\n\n    def wrapper(key):\n"
    "        if key not in memo:\n            memo[key] = fn(key)\n        return memo[key]\n\n"
    "    return wrapper\n```",
    "```sql\nSELECT id, title FROM conversations\nWHERE deleted_at IS NULL\n"
    "ORDER BY updated_at DESC\nLIMIT 50;\n```",
    "```bash\npython3 -m venv .venv\n.venv/bin/pip install -e '.[test]'\n"
    ".venv/bin/python -m pytest -q\n```",
    "```javascript\nconst rows = await db.all('SELECT * FROM t');\n"
    "rows.forEach((r) => console.log(r.id));\n```",
    "```python\nasync def fetch_all(client, urls):\n"
    "    return await asyncio.gather(*(client.get(u) for u in urls))\n```",
    '```json\n{\n  "model": "gpt-4o-mini",\n  "stream": true,\n'
    '  "messages": [{"role": "user", "content": "你好"}]\n}\n```',
)
TABLES = (
    "| 方案 | 优点 | 缺点 |\n| --- | --- | --- |\n| 直接实现 | 简单 | 扩展性一般 |\n"
    "| 分层设计 | 结构清晰 | 前期工作量大 |",
    "| metric | before | after |\n| --- | --- | --- |\n| p50 latency | 120 ms | 35 ms |\n"
    "| memory | 410 MB | 96 MB |",
)
MODELS = ("gpt-4o-mini", "deepseek-chat", "kimi", "qwen", "glm4", "deepseek-reasoner", "gpt-4o")
SENTENCE_POOL = 6000


class Corpus:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.zh = [self._zh_sentence() for _ in range(SENTENCE_POOL)]
        self.en = [self._en_sentence() for _ in range(SENTENCE_POOL)]

    def _zh_sentence(self) -> str:
        rng = self.rng
        words = [rng.choice(ZH_WORDS) for _ in range(rng.randint(4, 9))]
        if rng.random() < 0.25:
            words.insert(rng.randrange(len(words)), " " + rng.choice(EN_WORDS).title() + " ")
        if rng.random() < 0.002:
            words.append(rng.choice(RARE))
        glued = "".join(w + (rng.choice(ZH_GLUE) if rng.random() < 0.5 else "") for w in words)
        start = rng.choice(ZH_STARTS) + "，" if rng.random() < 0.3 else ""
        return start + glued + rng.choice("。。。！？")

    def _en_sentence(self) -> str:
        rng = self.rng
        words = [rng.choice(EN_WORDS) for _ in range(rng.randint(6, 16))]
        if rng.random() < 0.002:
            words.append(rng.choice(RARE))
        text = " ".join(words)
        return text[0].upper() + text[1:] + rng.choice("...?!")

    def sentences(self, count: int, chinese: bool) -> str:
        pool = self.zh if chinese else self.en
        glue = "" if chinese else " "
        return glue.join(self.rng.choice(pool) for _ in range(count))

    def title(self) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            return "".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(2, 4)))
        return " ".join(rng.choice(EN_WORDS) for _ in range(rng.randint(2, 5))).capitalize()

    def question(self) -> str:
        chinese = self.rng.random() < 0.7
        return self.sentences(self.rng.randint(1, 3), chinese)

    def answer(self) -> str:
        rng = self.rng
        chinese = rng.random() < 0.7
        blocks = [f"## {self.title()}", self.sentences(rng.randint(2, 4), chinese)]
        if rng.random() < 0.6:
            items = [
                f"- **{rng.choice(ZH_WORDS)}**：{self.sentences(1, chinese)}"
                for _ in range(rng.randint(2, 5))
            ]
            blocks.append("\n".join(items))
        if rng.random() < 0.35:
            blocks.append(rng.choice(CODE_BLOCKS))
        if rng.random() < 0.12:
            blocks.append(rng.choice(TABLES))
        blocks.append(self.sentences(rng.randint(1, 3), chinese))
        return "\n\n".join(blocks)
