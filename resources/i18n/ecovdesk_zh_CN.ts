<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../ecovdesk/ui/about_dialog.py" line="29"/>
        <source>A desktop client for the ecovai relay and OpenAI-compatible relays.</source>
        <translation>ecovai 中转站及 OpenAI 兼容中转站的桌面客户端。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/about_dialog.py" line="32"/>
        <source>Profile folder:</source>
        <translation>资料文件夹：</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/about_dialog.py" line="33"/>
        <source>Bundled libraries:</source>
        <translation>内置的开源库：</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/about_dialog.py" line="39"/>
        <source>About ecovdesk</source>
        <translation>关于 ecovdesk</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ecovdesk/app.py" line="172"/>
        <source>Something went wrong; details are in the log.</source>
        <translation>出了点问题，详情已写入日志。</translation>
    </message>
</context>
<context>
    <name>AudioPlayerBar</name>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="58"/>
        <location filename="../../ecovdesk/ui/audio_player.py" line="266"/>
        <source>Nothing playing</source>
        <translation>未在播放</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="60"/>
        <source>Previous</source>
        <translation>上一张</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="62"/>
        <source>Next</source>
        <translation>下一张</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="64"/>
        <location filename="../../ecovdesk/ui/audio_player.py" line="213"/>
        <source>Repeat: off</source>
        <translation>循环：关</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="65"/>
        <source>Lyrics</source>
        <translation>歌词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="67"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="70"/>
        <source>No lyrics for this song</source>
        <translation>这首歌没有歌词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="214"/>
        <source>Repeat: all</source>
        <translation>循环：全部</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="215"/>
        <source>Repeat: one</source>
        <translation>循环：单曲</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="250"/>
        <location filename="../../ecovdesk/ui/audio_player.py" line="254"/>
        <source>Save song</source>
        <translation>保存歌曲</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="250"/>
        <location filename="../../ecovdesk/ui/audio_player.py" line="295"/>
        <source>This song is no longer in the library.</source>
        <translation>这首歌已不在资料库中。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="291"/>
        <source>Save a copy of this song</source>
        <translation>另存一份这首歌</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="297"/>
        <source>The song can be saved once it has finished downloading</source>
        <translation>歌曲下载完成后即可保存</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="302"/>
        <source>This song cannot be played: %1</source>
        <translation>无法播放这首歌：%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="304"/>
        <source>No audio output device was found; the song plays without sound.</source>
        <translation>未找到音频输出设备，歌曲将静音播放。</translation>
    </message>
</context>
<context>
    <name>ChatOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="28"/>
        <source>Chat options</source>
        <translation>对话参数</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="35"/>
        <source>Optional instructions for the model</source>
        <translation>可选：给模型的系统指令</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="37"/>
        <source>Set temperature</source>
        <translation>设置温度</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="40"/>
        <source>Model default</source>
        <translation>模型默认</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="41"/>
        <source>Search the web (use_search)</source>
        <translation>联网搜索（use_search）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="42"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="44"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../../ecovdesk/ui/chat_page.py" line="20"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_page.py" line="23"/>
        <source>Options</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_page.py" line="24"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="85"/>
        <location filename="../../ecovdesk/ui/draft_box.py" line="22"/>
        <source>Type a message. Enter sends, Shift+Enter adds a line.</source>
        <translation>输入消息。Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="94"/>
        <source>Image…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="95"/>
        <source>Attach an image for models that can see</source>
        <translation>为支持识图的模型附加图片</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="97"/>
        <source>Document URL…</source>
        <translation>文档链接…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="98"/>
        <source>Attach a document link for document models</source>
        <translation>为文档解读模型附加文档链接</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="73"/>
        <location filename="../../ecovdesk/ui/composer.py" line="100"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="139"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="149"/>
        <source>Remove this attachment</source>
        <translation>移除此附件</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="165"/>
        <source>Attach images</source>
        <translation>附加图片</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="165"/>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="172"/>
        <source>Attach a document</source>
        <translation>附加文档</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="172"/>
        <source>Document URL (https://…):</source>
        <translation>文档链接（https://…）：</translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="51"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="67"/>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="68"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="82"/>
        <source>Conversation deleted.</source>
        <translation>对话已删除。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="102"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="103"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="105"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="106"/>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="107"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="123"/>
        <source>Export conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="125"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="125"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="100"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="101"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="99"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="104"/>
        <source>Thought process</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="156"/>
        <source>Could not export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="159"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="41"/>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="121"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="45"/>
        <source>Search all messages</source>
        <translation>搜索全部消息</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="141"/>
        <source>No messages match.</source>
        <translation>没有匹配的消息。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="169"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="171"/>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="174"/>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="177"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../ecovdesk/ui/conversation_view.py" line="44"/>
        <source>Show earlier messages</source>
        <translation>显示更早的消息</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_view.py" line="49"/>
        <source>Pick a model above, type a message below and press Enter.</source>
        <translation>在上方选择模型，在下方输入消息并按 Enter。</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="10"/>
        <source>The relay did not accept the API key. Check it in Settings.</source>
        <translation>中转站不接受这个 API 密钥，请在设置中检查。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="14"/>
        <source>The relay did not accept this API key.</source>
        <translation>中转站不接受这个 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="17"/>
        <source>The key&apos;s quota is used up. Top up the balance on the relay.</source>
        <translation>该密钥额度已用尽，请到中转站充值。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="20"/>
        <source>The relay is busy or rate limiting this key. Wait and try again.</source>
        <translation>中转站繁忙或对该密钥限流，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="23"/>
        <location filename="../../ecovdesk/ui/error_text.py" line="26"/>
        <source>This model is not offered for your key.</source>
        <translation>你的密钥无法使用这个模型。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="29"/>
        <source>The model&apos;s provider reported an error.</source>
        <translation>模型的上游服务返回了错误。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="32"/>
        <source>Could not reach the relay. Check the network, the base URL and the proxy.</source>
        <translation>无法连接中转站，请检查网络、地址和代理。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="35"/>
        <source>The relay took too long to answer.</source>
        <translation>中转站响应超时。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="36"/>
        <source>The proxy in Settings cannot be used. Write it as http://host:port or socks5://host:port.</source>
        <translation>设置中的代理无法使用。请写成 http://主机:端口 或 socks5://主机:端口。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="41"/>
        <source>The relay sent the request on to another address, which ecovdesk does not follow. Check the base URL in Settings (https:// rather than http://, and no extra path).</source>
        <translation>中转站把请求转到了另一个地址，ecovdesk 不会跟随。请在设置中检查接口地址（应为 https:// 而不是 http://，且不带多余的路径）。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="46"/>
        <source>The answer grew far longer than any real reply, so ecovdesk stopped reading it. The text so far is kept.</source>
        <translation>回答远远超出了任何正常回复的长度，ecovdesk 已停止读取。已收到的文字会保留。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="51"/>
        <source>The model&apos;s provider withheld the result: its safety check flagged it. Try wording the prompt differently.</source>
        <translation>模型的上游服务未给出结果：内容未通过其安全审核。请换一种说法再试。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="56"/>
        <source>The relay is not answering right now. Try again in a moment.</source>
        <translation>中转站暂时没有响应，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="59"/>
        <source>The relay sent an answer that could not be read.</source>
        <translation>中转站返回的内容无法解析。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="62"/>
        <source>The answer was cut off before it was complete.</source>
        <translation>回答在完成前被中断。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="65"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="66"/>
        <source>No picture could be stored from this answer.</source>
        <translation>这次回答中没有能保存的图片。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="69"/>
        <source>ecovdesk stopped before the relay confirmed this request; it may or may not run.</source>
        <translation>ecovdesk 在中转站确认前停止了，这个请求可能执行也可能没有执行。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="73"/>
        <source>The job took more than a day and was given up.</source>
        <translation>任务超过一天仍未完成，已放弃。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="76"/>
        <source>These options cannot be used together for this model.</source>
        <translation>这些参数不能同时用于该模型。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="79"/>
        <source>Something went wrong inside ecovdesk.</source>
        <translation>ecovdesk 内部出错。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="82"/>
        <source>The reply could not be saved: the profile&apos;s disk is full or read-only.</source>
        <translation>回复未能保存：资料文件夹所在的磁盘已满或只读。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="86"/>
        <source>The request failed.</source>
        <translation>请求失败。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="94"/>
        <source>Relay says: %s</source>
        <translation>中转站返回：%s</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="100"/>
        <source>The profile folder is read-only, so nothing can be saved. Check its permissions.</source>
        <translation>资料文件夹是只读的，无法保存任何内容。请检查它的权限。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="104"/>
        <source>The disk holding the profile is full. Free some space and try again.</source>
        <translation>资料文件夹所在的磁盘已满。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="107"/>
        <source>The profile cannot be opened: its folder is missing or not writable.</source>
        <translation>无法打开资料：文件夹不存在或不可写。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="110"/>
        <source>The profile is in use by another program, perhaps a second ecovdesk.</source>
        <translation>资料正被另一个程序使用，可能是另一个 ecovdesk 窗口。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="116"/>
        <source>The profile could not be written; details are in the log.</source>
        <translation>无法写入资料，详情见日志。</translation>
    </message>
</context>
<context>
    <name>FilterFields</name>
    <message>
        <location filename="../../ecovdesk/ui/filter_fields.py" line="23"/>
        <source>All models</source>
        <translation>全部模型</translation>
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="88"/>
        <source>Filter by prompt</source>
        <translation>按提示词筛选</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="90"/>
        <location filename="../../ecovdesk/ui/gallery.py" line="192"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="148"/>
        <source>Pictures you generate or receive in chats appear here, kept for good.</source>
        <translation>生成的图片和对话中收到的图片都会永久保存在这里。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/gallery.py" line="142"/>
        <source>%n picture(s)</source>
        <translation>
            <numerusform>%n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="145"/>
        <source>No pictures match the filter.</source>
        <translation>没有符合筛选条件的图片。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="180"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="181"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="182"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="185"/>
        <source>Open the conversation it came from</source>
        <translation>打开来源对话</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="189"/>
        <source>Use as reference</source>
        <translation>用作参考图</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="197"/>
        <source>Save picture</source>
        <translation>保存图片</translation>
    </message>
</context>
<context>
    <name>ImageOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="76"/>
        <source>Picture options</source>
        <translation>绘图参数</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="87"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="125"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="88"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="126"/>
        <source>HD</source>
        <translation>高清</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="174"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="131"/>
        <source>Realistic photo</source>
        <translation>写实照片</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="175"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="132"/>
        <source>Digital illustration</source>
        <translation>数字插画</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="176"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="135"/>
        <source>Vector illustration</source>
        <translation>矢量插画</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="177"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="138"/>
        <source>Icon</source>
        <translation>图标</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="178"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="139"/>
        <source>Any style</source>
        <translation>不限风格</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="183"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="184"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="142"/>
        <source>Black and white</source>
        <translation>黑白</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="185"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="143"/>
        <source>Hard flash</source>
        <translation>硬闪光</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="186"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="144"/>
        <source>HDR</source>
        <translation>HDR</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="187"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="145"/>
        <source>Natural light</source>
        <translation>自然光</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="188"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="146"/>
        <source>Studio portrait</source>
        <translation>影棚人像</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="189"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="147"/>
        <source>Business</source>
        <translation>商务</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="190"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="148"/>
        <source>Motion blur</source>
        <translation>动态模糊</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="191"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="149"/>
        <source>Pixel art</source>
        <translation>像素画</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="192"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="150"/>
        <source>Hand-drawn</source>
        <translation>手绘</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="193"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="151"/>
        <source>Film grain</source>
        <translation>胶片颗粒</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="194"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="152"/>
        <source>Child&apos;s drawing</source>
        <translation>儿童画</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="195"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="153"/>
        <source>2D art poster</source>
        <translation>2D 艺术海报</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="196"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="154"/>
        <source>Handmade 3D</source>
        <translation>手工 3D</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="197"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="155"/>
        <source>Engraving</source>
        <translation>版画</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="198"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="156"/>
        <source>Line art</source>
        <translation>线稿</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="203"/>
        <source>Model default</source>
        <translation>模型默认</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="205"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="160"/>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="206"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="161"/>
        <source>Realistic</source>
        <translation>写实</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="207"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="162"/>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="208"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="163"/>
        <source>3D render</source>
        <translation>3D 渲染</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="209"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="164"/>
        <source>Anime</source>
        <translation>动漫</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="98"/>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="204"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="159"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="167"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="99"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="168"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="100"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="169"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="104"/>
        <source>What the picture should not contain</source>
        <translation>图片中不应出现的内容</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="106"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="108"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="109"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="96"/>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="110"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="111"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="97"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="112"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="98"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="113"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="99"/>
        <source>Substyle</source>
        <translation>子风格</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="114"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="100"/>
        <source>Style type</source>
        <translation>风格类型</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="115"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="101"/>
        <source>Magic prompt</source>
        <translation>提示词优化</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="116"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="102"/>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="117"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="115"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="159"/>
        <source>Use the size</source>
        <translation>使用尺寸</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="162"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="129"/>
        <source>Vivid</source>
        <translation>鲜明</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="162"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="130"/>
        <source>Natural</source>
        <translation>自然</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../../ecovdesk/ui/image_strip.py" line="68"/>
        <source>Open the picture</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_strip.py" line="69"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_strip.py" line="81"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_strip.py" line="94"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="88"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="95"/>
        <source>Previous</source>
        <translation>上一张</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="96"/>
        <source>Next</source>
        <translation>下一张</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="97"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="98"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="99"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="100"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="101"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="122"/>
        <source>The file of this picture is missing or cannot be read.</source>
        <translation>这张图片的文件不见了或无法读取。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="154"/>
        <source>Prompt:</source>
        <translation>提示词：</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="157"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="158"/>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="162"/>
        <source>Size: %1 × %2</source>
        <translation>尺寸：%1 × %2</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="168"/>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="188"/>
        <source>Save picture</source>
        <translation>保存图片</translation>
    </message>
</context>
<context>
    <name>JobCard</name>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="31"/>
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="32"/>
        <source>Unknown whether the relay received it</source>
        <translation>不确定中转站是否已收到</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="35"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="36"/>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="37"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="38"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="39"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="40"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="47"/>
        <source>Stopped waiting</source>
        <translation>已停止等待</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="49"/>
        <source>Done after all</source>
        <translation>最终已完成</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="60"/>
        <source>%1 · retried as #%2</source>
        <translation>%1 · 已重试（#%2）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="68"/>
        <source>The relay may have the first request and may still finish it and charge for it, so sending it again may be charged twice.</source>
        <translation>中转站可能已收到第一次请求，并仍可能完成并计费；再次发送可能会被重复计费。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="80"/>
        <source>Already retried as job #%1. Retry that job instead, so the request is not paid for twice.</source>
        <translation>已重试为任务 #%1。如需再试，请重试那个任务，以免重复扣费。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="111"/>
        <source>The relay&apos;s gateway timed out before the relay confirmed this request, so the task may or may not have been created.</source>
        <translation>中转站的网关在确认此请求前超时，任务可能已创建，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="116"/>
        <source>The relay took too long to confirm this request, so the task may or may not have been created.</source>
        <translation>中转站迟迟没有确认此请求，任务可能已创建，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="121"/>
        <source>The relay&apos;s answer to this request could not be read, so the task may or may not have been created.</source>
        <translation>中转站对此请求的回复无法解析，任务可能已创建，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="126"/>
        <source>The connection was lost before the relay confirmed this request, so the task may or may not have been created.</source>
        <translation>在中转站确认此请求前连接已断开，任务可能已创建，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="141"/>
        <source>The model&apos;s service refused this task or could not finish it.</source>
        <translation>模型的上游服务拒绝了此任务或未能完成。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="150"/>
        <source>The relay cannot be told to stop, so it may still finish this task and charge for it. If it does, the result is saved to the library.</source>
        <translation>无法通知中转站停止，它仍可能完成此任务并计费。若完成，结果会保存到资料库。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="155"/>
        <source>The request may already have reached the relay, which may still run it and charge for it. Its task id never arrived, so the result cannot be fetched.</source>
        <translation>请求可能已到达中转站，仍可能被执行并计费。由于未收到任务 ID，无法取回结果。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="160"/>
        <source>The relay ended this task without a result.</source>
        <translation>中转站已结束此任务，没有结果。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="163"/>
        <source>The relay sent no result within a day, so ecovdesk stopped checking; it may still have charged for this task.</source>
        <translation>中转站一天内未返回结果，ecovdesk 已停止查询；此任务仍可能已被计费。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="208"/>
        <source>Upscale (Subtle)</source>
        <translation>放大（细微）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="209"/>
        <source>Upscale (Creative)</source>
        <translation>放大（创意）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="210"/>
        <source>Upscale (2x)</source>
        <translation>放大 2 倍</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="211"/>
        <source>Upscale (4x)</source>
        <translation>放大 4 倍</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="212"/>
        <source>Vary (Subtle)</source>
        <translation>变化（细微）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="213"/>
        <source>Vary (Strong)</source>
        <translation>变化（强烈）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="214"/>
        <source>Vary (Region)</source>
        <translation>局部重绘</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="215"/>
        <source>Zoom Out 2x</source>
        <translation>缩小 2 倍</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="216"/>
        <source>Zoom Out 1.5x</source>
        <translation>缩小 1.5 倍</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="217"/>
        <source>Custom Zoom</source>
        <translation>自定义缩放</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="218"/>
        <source>Make Square</source>
        <translation>变为正方形</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="229"/>
        <source>Reroll</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="230"/>
        <source>Pan left</source>
        <translation>向左平移</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="231"/>
        <source>Pan right</source>
        <translation>向右平移</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="232"/>
        <source>Pan up</source>
        <translation>向上平移</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="233"/>
        <source>Pan down</source>
        <translation>向下平移</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="74"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="76"/>
        <source>Stop waiting for this job; the relay cannot be told to stop it</source>
        <translation>停止等待此任务；无法通知中转站停止它</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="79"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="81"/>
        <source>Resubmit</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="83"/>
        <source>Send the request again; this may be charged twice</source>
        <translation>再次发送请求；可能会被重复扣费</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="86"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="88"/>
        <source>Split into four</source>
        <translation>拆分为四张</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="89"/>
        <source>Save the four pictures of the grid separately, free</source>
        <translation>把四宫格拆成四张单独保存，不额外扣费</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="91"/>
        <source>Listen now</source>
        <translation>立即试听</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="92"/>
        <source>Play the song while Suno is still making it</source>
        <translation>在 Suno 生成过程中先播放</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="107"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="108"/>
        <source>Look up the seed of this picture</source>
        <translation>查询这张图的种子</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="152"/>
        <source>From job #%1</source>
        <translation>来自任务 #%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="187"/>
        <source>Use: %1</source>
        <translation>使用：%1</translation>
    </message>
</context>
<context>
    <name>JobController</name>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="197"/>
        <source>ecovdesk will keep checking now and then, and save the result to the library if it arrives.</source>
        <translation>ecovdesk 会不时查询，结果一旦到达便保存到资料库。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="201"/>
        <source>Its task id has not arrived yet, so the result cannot be fetched.</source>
        <translation>尚未收到任务 ID，因此无法取回结果。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="205"/>
        <source>Stop waiting for this job?</source>
        <translation>停止等待此任务？</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="207"/>
        <source>The relay cannot be told to stop a task once it is sent: it may still finish this one and charge for it.</source>
        <translation>任务一经发送便无法通知中转站停止：它仍可能完成此任务并计费。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="211"/>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="212"/>
        <source>Keep waiting</source>
        <translation>继续等待</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="233"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="243"/>
        <source>This job has already been retried; nothing was sent.</source>
        <translation>此任务已重试过，本次没有发送请求。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="249"/>
        <source>Resubmit</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="256"/>
        <source>Send the request again?</source>
        <translation>再次发送请求？</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="260"/>
        <source>Don&apos;t send</source>
        <translation>不发送</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="280"/>
        <source>The relay could not tell this picture&apos;s seed.</source>
        <translation>中转站无法提供这张图的种子。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="283"/>
        <source>Seed %1 (copied)</source>
        <translation>种子 %1（已复制）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="313"/>
        <source>Job finished</source>
        <translation>任务已完成</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="315"/>
        <source>Job did not finish</source>
        <translation>任务未能完成</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="67"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="68"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="69"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="70"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="71"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="72"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="73"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="176"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="178"/>
        <source>Stop waiting for this job; the relay cannot be told to stop it</source>
        <translation>停止等待此任务；无法通知中转站停止它</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="180"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="181"/>
        <source>Check again</source>
        <translation>重新查询</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="183"/>
        <source>Ask the relay about this job now; a finished job downloads its files again</source>
        <translation>立即向中转站查询这个任务；已完成的任务会重新下载它的文件</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="185"/>
        <source>Resubmit</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="186"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="187"/>
        <source>Open result</source>
        <translation>打开结果</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="222"/>
        <source>Midjourney, Suno and video jobs appear here while they run and after.</source>
        <translation>Midjourney、Suno 和视频任务会在这里显示进度和结果。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="311"/>
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n 个任务进行中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LongTextViewer</name>
    <message>
        <location filename="../../ecovdesk/ui/long_text_viewer.py" line="27"/>
        <source>Whole reply</source>
        <translation>完整回复</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/long_text_viewer.py" line="38"/>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="56"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="127"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="128"/>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="129"/>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="131"/>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="132"/>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="24"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="27"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="32"/>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="37"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="44"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="46"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="47"/>
        <source>About ecovdesk</source>
        <translation>关于 ecovdesk</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="278"/>
        <source>Could not refresh the model list: %1</source>
        <translation>无法刷新模型列表：%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="285"/>
        <source>Model list updated.</source>
        <translation>模型列表已更新。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="331"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="331"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="346"/>
        <source>Enter your API key in Settings first.</source>
        <translation>请先在设置中填写 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="414"/>
        <source>Pick a model that can see pictures to use this reference.</source>
        <translation>请选择支持识图的模型来使用这张参考图。</translation>
    </message>
</context>
<context>
    <name>MediaController</name>
    <message>
        <location filename="../../ecovdesk/ui/media_controller.py" line="242"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/media_controller.py" line="243"/>
        <source>Delete %n file(s) from the library? This cannot be undone.</source>
        <translation>
            <numerusform>从库中删除 %n 个文件？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_controller.py" line="269"/>
        <source>Last frame of the video</source>
        <translation>视频最后一帧</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_controller.py" line="278"/>
        <source>The last frame could not be attached.</source>
        <translation>无法附加最后一帧。</translation>
    </message>
</context>
<context>
    <name>MediaHandoff</name>
    <message>
        <location filename="../../ecovdesk/ui/media_handoff.py" line="71"/>
        <source>Write the lyrics that follow, then press Generate.</source>
        <translation>写好接下来的歌词，然后点“生成”。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_handoff.py" line="77"/>
        <source>Describe how the video goes on, then press Generate.</source>
        <translation>描述视频接下来的内容，然后点“生成”。</translation>
    </message>
</context>
<context>
    <name>MediaLibraryPage</name>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="45"/>
        <source>Filter by title, style or prompt</source>
        <translation>按标题、风格或提示词筛选</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="45"/>
        <source>Filter by prompt</source>
        <translation>按提示词筛选</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="49"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="149"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="50"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="161"/>
        <source>Continue this song</source>
        <translation>续写这首歌</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="51"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="165"/>
        <source>Extend</source>
        <translation>延长</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="52"/>
        <source>Use last frame</source>
        <translation>使用最后一帧</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="53"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="168"/>
        <source>Use the last frame as the next start frame</source>
        <translation>把最后一帧作为下一段的起始帧</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="54"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="174"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="138"/>
        <source>No songs match the filter.</source>
        <translation>没有符合筛选条件的歌曲。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="139"/>
        <source>Songs you make with Suno appear here, kept for good.</source>
        <translation>用 Suno 生成的歌曲会永久保存在这里。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="141"/>
        <source>No videos match the filter.</source>
        <translation>没有符合筛选条件的视频。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="142"/>
        <source>Videos you make appear here, kept for good.</source>
        <translation>生成的视频会永久保存在这里。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/media_library.py" line="127"/>
        <source>%n song(s)</source>
        <translation>
            <numerusform>%n 首歌曲</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/media_library.py" line="129"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="155"/>
        <source>Open the conversation it came from</source>
        <translation>打开来源对话</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="172"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="173"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="178"/>
        <source>Save song</source>
        <translation>保存歌曲</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="178"/>
        <source>Save video</source>
        <translation>保存视频</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="225"/>
        <source>Only Luma videos can be extended</source>
        <translation>只有 Luma 视频可以延长</translation>
    </message>
</context>
<context>
    <name>MediaPlayerBase</name>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="49"/>
        <location filename="../../ecovdesk/ui/media_base.py" line="176"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="53"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="58"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="176"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="211"/>
        <source>the file is missing or cannot be read</source>
        <translation>文件不见了或无法读取</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="212"/>
        <source>its format is not supported</source>
        <translation>不支持它的格式</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="213"/>
        <source>the connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="214"/>
        <source>access to the file was refused</source>
        <translation>无权访问该文件</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="216"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="104"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="107"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="111"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="417"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="419"/>
        <source>Save and resend</source>
        <translation>保存并重新发送</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="145"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="109"/>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="244"/>
        <source>Prompt: %1 · Size: %2</source>
        <translation>提示词：%1 · 尺寸：%2</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="110"/>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="252"/>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="331"/>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="308"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="268"/>
        <source>Waiting for the reply…</source>
        <translation>正在等待回复…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="308"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="317"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="317"/>
        <source>Thought process</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="332"/>
        <source>Shortened for display; Copy code copies all of it.</source>
        <translation>显示时已截断；“复制代码”会复制全部内容。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="333"/>
        <source>This reply is long; only its beginning is shown.</source>
        <translation>这条回复很长，只显示了开头部分。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="334"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="374"/>
        <source>Tokens: %1 in · %2 out · %3 total</source>
        <translation>Token：输入 %1 · 输出 %2 · 合计 %3</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="381"/>
        <source> (%1 thinking)</source>
        <translation>（思考 %1）</translation>
    </message>
</context>
<context>
    <name>MidjourneyOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="31"/>
        <source>Midjourney options</source>
        <translation>Midjourney 参数</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="39"/>
        <source>Imagine</source>
        <translation>文生图（Imagine）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="40"/>
        <source>Blend 2–5 attached images</source>
        <translation>混合 2–5 张图片（Blend）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="41"/>
        <source>Describe the attached image</source>
        <translation>描述附加的图片（Describe）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="42"/>
        <source>Shorten the prompt</source>
        <translation>精简提示词（Shorten）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="47"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="172"/>
        <source>Square</source>
        <translation>方形</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="48"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="173"/>
        <source>Portrait</source>
        <translation>竖版</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="49"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="174"/>
        <source>Landscape</source>
        <translation>横版</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="52"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="53"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="104"/>
        <source>Blend shape</source>
        <translation>混合图形状</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="58"/>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="59"/>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="60"/>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="61"/>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="62"/>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="63"/>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="122"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="64"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="109"/>
        <source>Raw style</source>
        <translation>Raw 风格</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="65"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="110"/>
        <source>Tile</source>
        <translation>平铺</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="67"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="69"/>
        <source>Things to leave out</source>
        <translation>不希望出现的内容</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="76"/>
        <source>Relay default</source>
        <translation>中转站默认</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="77"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="177"/>
        <source>Fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="78"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="178"/>
        <source>Relaxed</source>
        <translation>慢速</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="79"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="179"/>
        <source>Turbo</source>
        <translation>极速</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="82"/>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="83"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="105"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="84"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="106"/>
        <source>Stylize</source>
        <translation>风格化</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="85"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="107"/>
        <source>Chaos</source>
        <translation>混乱度</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="86"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="87"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="108"/>
        <source>Weird</source>
        <translation>怪异度</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="90"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="91"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="111"/>
        <source>Leave out (--no)</source>
        <translation>排除（--no）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="92"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="112"/>
        <source>Style reference</source>
        <translation>风格参考</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="93"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="113"/>
        <source>Character reference</source>
        <translation>角色参考</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="94"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="114"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="97"/>
        <source>Attached images are sent as image prompts.</source>
        <translation>附加的图片会作为垫图发送。</translation>
    </message>
</context>
<context>
    <name>ModalDialog</name>
    <message>
        <location filename="../../ecovdesk/ui/mask_painter.py" line="78"/>
        <source>Midjourney needs a little more</source>
        <translation>Midjourney 还需要一些信息</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mask_painter.py" line="82"/>
        <source>Drag over the parts to redraw.</source>
        <translation>拖动框选需要重绘的区域。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mask_painter.py" line="85"/>
        <source>Prompt:</source>
        <translation>提示词：</translation>
    </message>
</context>
<context>
    <name>ModelGroups</name>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="26"/>
        <source>OpenAI compatible</source>
        <translation>OpenAI通用</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="27"/>
        <source>Kimi</source>
        <translation>kimi</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="28"/>
        <source>Qwen</source>
        <translation>通义千问</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="29"/>
        <source>Zhipu GLM</source>
        <translation>智谱</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="30"/>
        <source>Metaso search</source>
        <translation>秘塔搜索</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="31"/>
        <source>iFlytek Spark</source>
        <translation>讯飞星火</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="32"/>
        <source>Hailuo</source>
        <translation>海螺</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="33"/>
        <source>DeepSeek</source>
        <translation>deepseek</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="34"/>
        <source>OpenAI all-in-one (gpt-4o-all)</source>
        <translation>OpenAI全能（gpt-4o-all）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="37"/>
        <source>Pictures</source>
        <translation>绘图</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="38"/>
        <source>Midjourney</source>
        <translation>Midjourney</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="39"/>
        <source>Suno music</source>
        <translation>Suno 音乐</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="40"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="41"/>
        <source>Other models on the relay</source>
        <translation>中转站的其他模型</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="163"/>
        <source>Choose the model (type to filter)</source>
        <translation>选择模型（可输入筛选）</translation>
    </message>
</context>
<context>
    <name>ModelPopup</name>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="55"/>
        <source>Filter models…</source>
        <translation>筛选模型…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="60"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="61"/>
        <source>Ask the relay for its current model list</source>
        <translation>向中转站获取最新的模型列表</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="88"/>
        <source>Offered by the relay for your key</source>
        <translation>中转站为你的密钥提供此模型</translation>
    </message>
</context>
<context>
    <name>PendingAttachments</name>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="33"/>
        <source>The model chosen cannot see pictures. Pick one that can, then add it.</source>
        <translation>所选模型看不了图片。请换一个能识图的模型后再添加。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="70"/>
        <source>%1 is too large to attach (at most %2 MB and %3 megapixels).</source>
        <translation>%1 太大，无法附加（最多 %2 MB、%3 百万像素）。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="75"/>
        <source>%1 is not an image that can be attached.</source>
        <translation>%1 不是可以附加的图片。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="83"/>
        <source>pasted image %1.png</source>
        <translation>粘贴的图片 %1.png</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="87"/>
        <source>The pasted picture could not be read.</source>
        <translation>无法读取粘贴的图片。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="94"/>
        <source>Only http and https document links can be attached.</source>
        <translation>只能附加 http 或 https 文档链接。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="105"/>
        <source>Attachments this model cannot take were removed.</source>
        <translation>已移除此模型无法接收的附件。</translation>
    </message>
</context>
<context>
    <name>PictureController</name>
    <message>
        <location filename="../../ecovdesk/ui/picture_controller.py" line="93"/>
        <source>Delete pictures</source>
        <translation>删除图片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/picture_controller.py" line="95"/>
        <source>Delete %n picture(s) from the library? This cannot be undone.</source>
        <translation>
            <numerusform>从图库中删除 %n 张图片？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_controller.py" line="113"/>
        <source>That picture could not be attached.</source>
        <translation>无法附加这张图片。</translation>
    </message>
</context>
<context>
    <name>PictureParams</name>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="37"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="44"/>
        <source>Prompt the model drew from:</source>
        <translation>模型实际使用的提示词：</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="55"/>
        <source>Picture %1 of grid #%2</source>
        <translation>来自四宫格 #%2 的第 %1 张</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="65"/>
        <source>Made with the %1 button</source>
        <translation>由 %1 按钮生成</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="78"/>
        <source>Requested size: %1</source>
        <translation>请求尺寸：%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="103"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
</context>
<context>
    <name>PictureReasons</name>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="19"/>
        <source>The file is too large.</source>
        <translation>文件太大。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="20"/>
        <source>The link did not return a picture.</source>
        <translation>链接返回的不是图片。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="23"/>
        <source>The picture is incomplete or damaged.</source>
        <translation>图片不完整或已损坏。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="26"/>
        <source>The picture is far too large to open safely.</source>
        <translation>图片尺寸过大，无法安全打开。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="29"/>
        <source>The vector picture refers to outside files or scripts.</source>
        <translation>矢量图引用了外部文件或脚本。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="32"/>
        <source>The file is not the kind of picture it claims to be.</source>
        <translation>文件与其声称的图片类型不符。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="35"/>
        <source>The picture could not be downloaded.</source>
        <translation>图片下载失败。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="38"/>
        <source>The picture&apos;s link has expired or no longer exists.</source>
        <translation>图片链接已过期或不存在。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="41"/>
        <source>The file is a picture and also something else, such as a web page.</source>
        <translation>这个文件既是图片又是别的东西（例如网页），已拒绝。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="46"/>
        <source>The picture could not be stored.</source>
        <translation>无法保存这张图片。</translation>
    </message>
</context>
<context>
    <name>SaveCopy</name>
    <message>
        <location filename="../../ecovdesk/ui/save_copy.py" line="81"/>
        <source>The copy could not be saved: the file is no longer in the library.</source>
        <translation>无法保存副本：这个文件已不在资料库中。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/save_copy.py" line="84"/>
        <source>The copy could not be saved: %1</source>
        <translation>无法保存副本：%1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="61"/>
        <source>Welcome to ecovdesk</source>
        <translation>欢迎使用 ecovdesk</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="61"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="66"/>
        <source>Enter the address of your relay and your API key to start chatting.</source>
        <translation>填写中转站地址和 API 密钥即可开始对话。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="77"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="86"/>
        <source>Keep the key for this session only</source>
        <translation>仅在本次运行中保存密钥</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="91"/>
        <source>The key is kept in the system keyring, never in a file.</source>
        <translation>密钥保存在系统钥匙串中，绝不会写入文件。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="97"/>
        <source>No system keyring is available, so the key can only be kept until ecovdesk closes. Set ECOVDESK_API_KEY to avoid typing it each time.</source>
        <translation>系统钥匙串不可用，密钥只能保存到 ecovdesk 关闭为止。可设置环境变量 ECOVDESK_API_KEY 以免每次输入。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="107"/>
        <source>This key comes from ECOVDESK_API_KEY. Unset it to use another key.</source>
        <translation>此密钥来自环境变量 ECOVDESK_API_KEY。如需使用其他密钥，请先取消该变量。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="111"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="120"/>
        <source>An HTTP or SOCKS5 proxy, e.g. socks5://127.0.0.1:7891</source>
        <translation>HTTP 或 SOCKS5 代理，例如 socks5://127.0.0.1:7891</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="122"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="125"/>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="133"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="126"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="127"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="139"/>
        <source>Relay address</source>
        <translation>中转站地址</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="141"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="146"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="147"/>
        <source>Request timeout</source>
        <translation>请求超时</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="148"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="149"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="154"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="155"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="182"/>
        <source>Enter the relay&apos;s address, e.g. https://api.ecovai.cn</source>
        <translation>请填写中转站地址，例如 https://api.ecovai.cn</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="185"/>
        <source>This is not a web address. A relay&apos;s address starts with https:// or http://, e.g. https://api.ecovai.cn</source>
        <translation>这不是网址。中转站地址以 https:// 或 http:// 开头，例如 https://api.ecovai.cn</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="199"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="216"/>
        <source>Connected: the relay offers %n model(s).</source>
        <translation>
            <numerusform>连接成功：中转站提供 %n 个模型。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="83"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="85"/>
        <source>ecovdesk shows the new language once it starts again.</source>
        <translation>ecovdesk 重新启动后将显示新语言。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="93"/>
        <source>A reply still being written stops where it is and is kept; picture, music and video jobs already sent go on after the restart.</source>
        <translation>正在生成的回复会停在当前位置并保留；已提交的图片、音乐和视频任务会在重启后继续。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="100"/>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="104"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>SunoOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="56"/>
        <source>Song options</source>
        <translation>歌曲参数</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="65"/>
        <source>Inspiration</source>
        <translation>灵感模式</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="66"/>
        <source>Custom</source>
        <translation>自定义模式</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="67"/>
        <source>Continue</source>
        <translation>续写</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="76"/>
        <source>Describe the song in the message box; Suno writes the lyrics, title and style.</source>
        <translation>在消息框中描述歌曲，Suno 会自动写词、起标题并选择风格。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="83"/>
        <source>Continue a song</source>
        <translation>续写歌曲</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="86"/>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="218"/>
        <source>Pick a song in the music library and choose “Continue this song”.</source>
        <translation>在音乐库中选择一首歌，然后点“续写这首歌”。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="91"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="95"/>
        <source>Song</source>
        <translation>歌曲</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="96"/>
        <source>From second</source>
        <translation>从第几秒开始</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="104"/>
        <source>Song title</source>
        <translation>歌曲标题</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="106"/>
        <source>Style, e.g. emotional punk</source>
        <translation>风格，例如 emotional punk</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="110"/>
        <source>Add this style</source>
        <translation>添加这个风格</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="115"/>
        <source>Styles to avoid</source>
        <translation>要避免的风格</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="119"/>
        <source>Insert a section marker</source>
        <translation>插入段落标记</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="124"/>
        <source>[Verse]
Your lyrics…</source>
        <translation>[Verse]
在这里写歌词…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="128"/>
        <source>What the lyrics should be about</source>
        <translation>歌词的主题</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="129"/>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="276"/>
        <source>Write lyrics for me</source>
        <translation>帮我写歌词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="116"/>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="135"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="117"/>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="136"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="138"/>
        <source>Avoid</source>
        <translation>避免</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="139"/>
        <source>Lyrics</source>
        <translation>歌词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="145"/>
        <source>Instrumental (no vocals)</source>
        <translation>纯音乐（无人声）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="200"/>
        <source>Untitled song</source>
        <translation>未命名歌曲</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="229"/>
        <source>Choose a song to continue in the Music tab first.</source>
        <translation>请先在“音乐”标签页中选择要续写的歌曲。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="276"/>
        <source>Writing lyrics…</source>
        <translation>正在写歌词…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="292"/>
        <source>The lyrics could not be written: %1</source>
        <translation>歌词生成失败：%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="312"/>
        <source>Type what the lyrics should be about, or a title or style first</source>
        <translation>请先输入歌词主题，或填写标题、风格</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ecovdesk/ui/tray.py" line="16"/>
        <source>Show or hide ecovdesk</source>
        <translation>显示或隐藏 ecovdesk</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/tray.py" line="19"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/tray.py" line="34"/>
        <source>ecovdesk — %n job(s) running</source>
        <translation>ecovdesk — %n 个任务进行中</translation>
    </message>
</context>
<context>
    <name>VideoOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="59"/>
        <source>Video options</source>
        <translation>视频参数</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="69"/>
        <source>Loop seamlessly</source>
        <translation>无缝循环</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="70"/>
        <source>Improve the prompt</source>
        <translation>优化提示词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="72"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="76"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="239"/>
        <source>Relay default</source>
        <translation>中转站默认</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="77"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="194"/>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="80"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="81"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="195"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="82"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="86"/>
        <source>Attach one image to start from it; attach two for the first and last frames.</source>
        <translation>附加一张图片作为起始帧；附加两张则分别作为首帧和尾帧。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="99"/>
        <source>Cinematic</source>
        <translation>电影感</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="239"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="103"/>
        <source>Camera motion</source>
        <translation>镜头运动</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="108"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="172"/>
        <source>Horizontal</source>
        <translation>水平</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="109"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="173"/>
        <source>Vertical</source>
        <translation>垂直</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="110"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="177"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="111"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="176"/>
        <source>Roll</source>
        <translation>旋转</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="112"/>
        <source>Background pan, horizontal</source>
        <translation>背景水平平移</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="113"/>
        <source>Background pan, vertical</source>
        <translation>背景垂直平移</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="130"/>
        <source>Ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="131"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="132"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="135"/>
        <source>Attach an image to turn it into a video.</source>
        <translation>附加一张图片即可把它变成视频。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="143"/>
        <source>What the video should not contain</source>
        <translation>视频中不应出现的内容</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="145"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="146"/>
        <source>Professional</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="156"/>
        <source>How closely the video follows the prompt</source>
        <translation>视频贴合提示词的程度</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="159"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="160"/>
        <source>Simple (set the values below)</source>
        <translation>简单（设置下面的数值）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="161"/>
        <source>Down and back</source>
        <translation>下移并后退</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="162"/>
        <source>Forward and up</source>
        <translation>前进并上升</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="163"/>
        <source>Turn right, then forward</source>
        <translation>右转后前进</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="164"/>
        <source>Turn left, then forward</source>
        <translation>左转后前进</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="168"/>
        <source>Camera movement (one value only)</source>
        <translation>镜头运动（只能设置一项）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="174"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="175"/>
        <source>Tilt</source>
        <translation>俯仰</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="188"/>
        <source>Make pictures (Kolors)</source>
        <translation>生成图片（Kolors）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="189"/>
        <source>Make pictures with Kolors instead of a video</source>
        <translation>改用 Kolors 生成图片（不生成视频）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="192"/>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="193"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="196"/>
        <source>Prompt strength</source>
        <translation>提示词强度</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="197"/>
        <source>Camera</source>
        <translation>镜头</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="201"/>
        <source>Attach an image to start from it; a second one becomes the last frame.</source>
        <translation>附加一张图片作为起始帧；第二张作为尾帧。</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="42"/>
        <source>One frame back</source>
        <translation>后退一帧</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="44"/>
        <source>One frame forward</source>
        <translation>前进一帧</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="46"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="48"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="48"/>
        <source>Full screen (F, Esc to leave)</source>
        <translation>全屏（F 进入，Esc 退出）</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="50"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="51"/>
        <source>Close the video</source>
        <translation>关闭视频</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="184"/>
        <location filename="../../ecovdesk/ui/video_player.py" line="188"/>
        <source>Save video</source>
        <translation>保存视频</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="184"/>
        <location filename="../../ecovdesk/ui/video_player.py" line="232"/>
        <source>This video is no longer in the library.</source>
        <translation>这个视频已不在资料库中。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="228"/>
        <source>Save a copy of this video</source>
        <translation>另存一份这个视频</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="234"/>
        <source>The video can be saved once it has finished downloading</source>
        <translation>视频下载完成后即可保存</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="239"/>
        <source>This video cannot be played: %1</source>
        <translation>无法播放这个视频：%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="241"/>
        <source>No audio output device was found; the video plays without sound.</source>
        <translation>未找到音频输出设备，视频将静音播放。</translation>
    </message>
</context>
<context>
    <name>WriteFailure</name>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="20"/>
        <source>that folder cannot be written to.</source>
        <translation>该文件夹不可写入。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="22"/>
        <source>the disk is full.</source>
        <translation>磁盘已满。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="24"/>
        <source>that folder no longer exists.</source>
        <translation>该文件夹已不存在。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="26"/>
        <source>a folder already has that name.</source>
        <translation>已有同名的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="28"/>
        <source>the file name is too long.</source>
        <translation>文件名太长。</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="29"/>
        <source>the system refused to write the file.</source>
        <translation>系统拒绝写入该文件。</translation>
    </message>
</context>
</TS>
