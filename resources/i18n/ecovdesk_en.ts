<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../ecovdesk/ui/about_dialog.py" line="29"/>
        <source>A desktop client for the ecovai relay and OpenAI-compatible relays.</source>
        <translation>A desktop client for the ecovai relay and OpenAI-compatible relays.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/about_dialog.py" line="32"/>
        <source>Profile folder:</source>
        <translation>Profile folder:</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/about_dialog.py" line="33"/>
        <source>Bundled libraries:</source>
        <translation>Bundled libraries:</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/about_dialog.py" line="39"/>
        <source>About ecovdesk</source>
        <translation>About ecovdesk</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ecovdesk/app.py" line="172"/>
        <source>Something went wrong; details are in the log.</source>
        <translation>Something went wrong; details are in the log.</translation>
    </message>
</context>
<context>
    <name>AudioPlayerBar</name>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="58"/>
        <location filename="../../ecovdesk/ui/audio_player.py" line="266"/>
        <source>Nothing playing</source>
        <translation>Nothing playing</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="60"/>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="62"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="64"/>
        <location filename="../../ecovdesk/ui/audio_player.py" line="213"/>
        <source>Repeat: off</source>
        <translation>Repeat: off</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="65"/>
        <source>Lyrics</source>
        <translation>Lyrics</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="67"/>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="70"/>
        <source>No lyrics for this song</source>
        <translation>No lyrics for this song</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="214"/>
        <source>Repeat: all</source>
        <translation>Repeat: all</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="215"/>
        <source>Repeat: one</source>
        <translation>Repeat: one</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="250"/>
        <location filename="../../ecovdesk/ui/audio_player.py" line="254"/>
        <source>Save song</source>
        <translation>Save song</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="250"/>
        <location filename="../../ecovdesk/ui/audio_player.py" line="295"/>
        <source>This song is no longer in the library.</source>
        <translation>This song is no longer in the library.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="291"/>
        <source>Save a copy of this song</source>
        <translation>Save a copy of this song</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="297"/>
        <source>The song can be saved once it has finished downloading</source>
        <translation>The song can be saved once it has finished downloading</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="302"/>
        <source>This song cannot be played: %1</source>
        <translation>This song cannot be played: %1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/audio_player.py" line="304"/>
        <source>No audio output device was found; the song plays without sound.</source>
        <translation>No audio output device was found; the song plays without sound.</translation>
    </message>
</context>
<context>
    <name>ChatOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="28"/>
        <source>Chat options</source>
        <translation>Chat options</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="35"/>
        <source>Optional instructions for the model</source>
        <translation>Optional instructions for the model</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="37"/>
        <source>Set temperature</source>
        <translation>Set temperature</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="40"/>
        <source>Model default</source>
        <translation>Model default</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="41"/>
        <source>Search the web (use_search)</source>
        <translation>Search the web (use_search)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="42"/>
        <source>System prompt</source>
        <translation>System prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_options_panel.py" line="44"/>
        <source>Max tokens</source>
        <translation>Max tokens</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../../ecovdesk/ui/chat_page.py" line="20"/>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_page.py" line="23"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/chat_page.py" line="24"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="73"/>
        <location filename="../../ecovdesk/ui/composer.py" line="100"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="85"/>
        <location filename="../../ecovdesk/ui/draft_box.py" line="22"/>
        <source>Type a message. Enter sends, Shift+Enter adds a line.</source>
        <translation>Type a message. Enter sends, Shift+Enter adds a line.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="94"/>
        <source>Image…</source>
        <translation>Image…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="95"/>
        <source>Attach an image for models that can see</source>
        <translation>Attach an image for models that can see</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="97"/>
        <source>Document URL…</source>
        <translation>Document URL…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="98"/>
        <source>Attach a document link for document models</source>
        <translation>Attach a document link for document models</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="139"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="149"/>
        <source>Remove this attachment</source>
        <translation>Remove this attachment</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="165"/>
        <source>Attach images</source>
        <translation>Attach images</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="165"/>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="172"/>
        <source>Attach a document</source>
        <translation>Attach a document</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/composer.py" line="172"/>
        <source>Document URL (https://…):</source>
        <translation>Document URL (https://…):</translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="51"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="67"/>
        <source>Rename conversation</source>
        <translation>Rename conversation</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="68"/>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="82"/>
        <source>Conversation deleted.</source>
        <translation>Conversation deleted.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="102"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="103"/>
        <source>System prompt</source>
        <translation>System prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="105"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="106"/>
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="107"/>
        <source>Attachment</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="123"/>
        <source>Export conversation</source>
        <translation>Export conversation</translation>
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
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="101"/>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="99"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="104"/>
        <source>Thought process</source>
        <translation>Thought process</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="156"/>
        <source>Could not export: %1</source>
        <translation>Could not export: %1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="159"/>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="41"/>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="121"/>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="45"/>
        <source>Search all messages</source>
        <translation>Search all messages</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="141"/>
        <source>No messages match.</source>
        <translation>No messages match.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="169"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="171"/>
        <source>Export as Markdown…</source>
        <translation>Export as Markdown…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="174"/>
        <source>Export as JSON…</source>
        <translation>Export as JSON…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_list.py" line="177"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../ecovdesk/ui/conversation_view.py" line="44"/>
        <source>Show earlier messages</source>
        <translation>Show earlier messages</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_view.py" line="49"/>
        <source>Pick a model above, type a message below and press Enter.</source>
        <translation>Pick a model above, type a message below and press Enter.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="10"/>
        <source>The relay did not accept the API key. Check it in Settings.</source>
        <translation>The relay did not accept the API key. Check it in Settings.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="14"/>
        <source>The relay did not accept this API key.</source>
        <translation>The relay did not accept this API key.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="17"/>
        <source>The key&apos;s quota is used up. Top up the balance on the relay.</source>
        <translation>The key&apos;s quota is used up. Top up the balance on the relay.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="20"/>
        <source>The relay is busy or rate limiting this key. Wait and try again.</source>
        <translation>The relay is busy or rate limiting this key. Wait and try again.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="23"/>
        <location filename="../../ecovdesk/ui/error_text.py" line="26"/>
        <source>This model is not offered for your key.</source>
        <translation>This model is not offered for your key.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="29"/>
        <source>The model&apos;s provider reported an error.</source>
        <translation>The model&apos;s provider reported an error.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="32"/>
        <source>Could not reach the relay. Check the network, the base URL and the proxy.</source>
        <translation>Could not reach the relay. Check the network, the base URL and the proxy.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="35"/>
        <source>The relay took too long to answer.</source>
        <translation>The relay took too long to answer.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="36"/>
        <source>The proxy in Settings cannot be used. Write it as http://host:port or socks5://host:port.</source>
        <translation>The proxy in Settings cannot be used. Write it as http://host:port or socks5://host:port.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="41"/>
        <source>The relay sent the request on to another address, which ecovdesk does not follow. Check the base URL in Settings (https:// rather than http://, and no extra path).</source>
        <translation>The relay sent the request on to another address, which ecovdesk does not follow. Check the base URL in Settings (https:// rather than http://, and no extra path).</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="46"/>
        <source>The answer grew far longer than any real reply, so ecovdesk stopped reading it. The text so far is kept.</source>
        <translation>The answer grew far longer than any real reply, so ecovdesk stopped reading it. The text so far is kept.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="51"/>
        <source>The model&apos;s provider withheld the result: its safety check flagged it. Try wording the prompt differently.</source>
        <translation>The model&apos;s provider withheld the result: its safety check flagged it. Try wording the prompt differently.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="56"/>
        <source>The relay is not answering right now. Try again in a moment.</source>
        <translation>The relay is not answering right now. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="59"/>
        <source>The relay sent an answer that could not be read.</source>
        <translation>The relay sent an answer that could not be read.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="62"/>
        <source>The answer was cut off before it was complete.</source>
        <translation>The answer was cut off before it was complete.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="65"/>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="66"/>
        <source>No picture could be stored from this answer.</source>
        <translation>No picture could be stored from this answer.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="69"/>
        <source>ecovdesk stopped before the relay confirmed this request; it may or may not run.</source>
        <translation>ecovdesk stopped before the relay confirmed this request; it may or may not run.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="73"/>
        <source>The job took more than a day and was given up.</source>
        <translation>The job took more than a day and was given up.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="76"/>
        <source>These options cannot be used together for this model.</source>
        <translation>These options cannot be used together for this model.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="79"/>
        <source>Something went wrong inside ecovdesk.</source>
        <translation>Something went wrong inside ecovdesk.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="82"/>
        <source>The reply could not be saved: the profile&apos;s disk is full or read-only.</source>
        <translation>The reply could not be saved: the profile&apos;s disk is full or read-only.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="86"/>
        <source>The request failed.</source>
        <translation>The request failed.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="94"/>
        <source>Relay says: %s</source>
        <translation>Relay says: %s</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="100"/>
        <source>The profile folder is read-only, so nothing can be saved. Check its permissions.</source>
        <translation>The profile folder is read-only, so nothing can be saved. Check its permissions.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="104"/>
        <source>The disk holding the profile is full. Free some space and try again.</source>
        <translation>The disk holding the profile is full. Free some space and try again.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="107"/>
        <source>The profile cannot be opened: its folder is missing or not writable.</source>
        <translation>The profile cannot be opened: its folder is missing or not writable.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="110"/>
        <source>The profile is in use by another program, perhaps a second ecovdesk.</source>
        <translation>The profile is in use by another program, perhaps a second ecovdesk.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/error_text.py" line="116"/>
        <source>The profile could not be written; details are in the log.</source>
        <translation>The profile could not be written; details are in the log.</translation>
    </message>
</context>
<context>
    <name>FilterFields</name>
    <message>
        <location filename="../../ecovdesk/ui/filter_fields.py" line="23"/>
        <source>All models</source>
        <translation>All models</translation>
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="88"/>
        <source>Filter by prompt</source>
        <translation>Filter by prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="90"/>
        <location filename="../../ecovdesk/ui/gallery.py" line="192"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="148"/>
        <source>Pictures you generate or receive in chats appear here, kept for good.</source>
        <translation>Pictures you generate or receive in chats appear here, kept for good.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/gallery.py" line="142"/>
        <source>%n picture(s)</source>
        <translation>
            <numerusform>%n picture</numerusform>
            <numerusform>%n pictures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="145"/>
        <source>No pictures match the filter.</source>
        <translation>No pictures match the filter.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="180"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="181"/>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="182"/>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="185"/>
        <source>Open the conversation it came from</source>
        <translation>Open the conversation it came from</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="189"/>
        <source>Use as reference</source>
        <translation>Use as reference</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/gallery.py" line="197"/>
        <source>Save picture</source>
        <translation>Save picture</translation>
    </message>
</context>
<context>
    <name>ImageOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="76"/>
        <source>Picture options</source>
        <translation>Picture options</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="87"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="125"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="88"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="126"/>
        <source>HD</source>
        <translation>HD</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="174"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="131"/>
        <source>Realistic photo</source>
        <translation>Realistic photo</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="175"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="132"/>
        <source>Digital illustration</source>
        <translation>Digital illustration</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="176"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="135"/>
        <source>Vector illustration</source>
        <translation>Vector illustration</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="177"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="138"/>
        <source>Icon</source>
        <translation>Icon</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="178"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="139"/>
        <source>Any style</source>
        <translation>Any style</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="183"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="184"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="142"/>
        <source>Black and white</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="185"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="143"/>
        <source>Hard flash</source>
        <translation>Hard flash</translation>
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
        <translation>Natural light</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="188"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="146"/>
        <source>Studio portrait</source>
        <translation>Studio portrait</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="189"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="147"/>
        <source>Business</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="190"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="148"/>
        <source>Motion blur</source>
        <translation>Motion blur</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="191"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="149"/>
        <source>Pixel art</source>
        <translation>Pixel art</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="192"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="150"/>
        <source>Hand-drawn</source>
        <translation>Hand-drawn</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="193"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="151"/>
        <source>Film grain</source>
        <translation>Film grain</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="194"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="152"/>
        <source>Child&apos;s drawing</source>
        <translation>Child&apos;s drawing</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="195"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="153"/>
        <source>2D art poster</source>
        <translation>2D art poster</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="196"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="154"/>
        <source>Handmade 3D</source>
        <translation>Handmade 3D</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="197"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="155"/>
        <source>Engraving</source>
        <translation>Engraving</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="198"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="156"/>
        <source>Line art</source>
        <translation>Line art</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="203"/>
        <source>Model default</source>
        <translation>Model default</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="205"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="160"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="206"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="161"/>
        <source>Realistic</source>
        <translation>Realistic</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="207"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="162"/>
        <source>Design</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="208"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="163"/>
        <source>3D render</source>
        <translation>3D render</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="209"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="164"/>
        <source>Anime</source>
        <translation>Anime</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="98"/>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="204"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="159"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="167"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="99"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="168"/>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="100"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="169"/>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="104"/>
        <source>What the picture should not contain</source>
        <translation>What the picture should not contain</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="106"/>
        <source>Random</source>
        <translation>Random</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="108"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="109"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="96"/>
        <source>Aspect ratio</source>
        <translation>Aspect ratio</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="110"/>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="111"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="97"/>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="112"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="98"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="113"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="99"/>
        <source>Substyle</source>
        <translation>Substyle</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="114"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="100"/>
        <source>Style type</source>
        <translation>Style type</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="115"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="101"/>
        <source>Magic prompt</source>
        <translation>Magic prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="116"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="102"/>
        <source>Negative prompt</source>
        <translation>Negative prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="117"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="115"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="159"/>
        <source>Use the size</source>
        <translation>Use the size</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="162"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="129"/>
        <source>Vivid</source>
        <translation>Vivid</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_options_panel.py" line="162"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="130"/>
        <source>Natural</source>
        <translation>Natural</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../../ecovdesk/ui/image_strip.py" line="68"/>
        <source>Open the picture</source>
        <translation>Open the picture</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_strip.py" line="69"/>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_strip.py" line="81"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_strip.py" line="94"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="88"/>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="95"/>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="96"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="97"/>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="98"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="99"/>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="100"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="101"/>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="122"/>
        <source>The file of this picture is missing or cannot be read.</source>
        <translation>The file of this picture is missing or cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="154"/>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="157"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="158"/>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="162"/>
        <source>Size: %1 × %2</source>
        <translation>Size: %1 × %2</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="168"/>
        <source>Parameters:</source>
        <translation>Parameters:</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/image_viewer.py" line="188"/>
        <source>Save picture</source>
        <translation>Save picture</translation>
    </message>
</context>
<context>
    <name>JobCard</name>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="31"/>
        <source>Submitting…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="32"/>
        <source>Unknown whether the relay received it</source>
        <translation>Unknown whether the relay received it</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="35"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="36"/>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="37"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="38"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="39"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="40"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="47"/>
        <source>Stopped waiting</source>
        <translation>Stopped waiting</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="49"/>
        <source>Done after all</source>
        <translation>Done after all</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="60"/>
        <source>%1 · retried as #%2</source>
        <translation>%1 · retried as #%2</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="68"/>
        <source>The relay may have the first request and may still finish it and charge for it, so sending it again may be charged twice.</source>
        <translation>The relay may have the first request and may still finish it and charge for it, so sending it again may be charged twice.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="80"/>
        <source>Already retried as job #%1. Retry that job instead, so the request is not paid for twice.</source>
        <translation>Already retried as job #%1. Retry that job instead, so the request is not paid for twice.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="111"/>
        <source>The relay&apos;s gateway timed out before the relay confirmed this request, so the task may or may not have been created.</source>
        <translation>The relay&apos;s gateway timed out before the relay confirmed this request, so the task may or may not have been created.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="116"/>
        <source>The relay took too long to confirm this request, so the task may or may not have been created.</source>
        <translation>The relay took too long to confirm this request, so the task may or may not have been created.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="121"/>
        <source>The relay&apos;s answer to this request could not be read, so the task may or may not have been created.</source>
        <translation>The relay&apos;s answer to this request could not be read, so the task may or may not have been created.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="126"/>
        <source>The connection was lost before the relay confirmed this request, so the task may or may not have been created.</source>
        <translation>The connection was lost before the relay confirmed this request, so the task may or may not have been created.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="141"/>
        <source>The model&apos;s service refused this task or could not finish it.</source>
        <translation>The model&apos;s service refused this task or could not finish it.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="150"/>
        <source>The relay cannot be told to stop, so it may still finish this task and charge for it. If it does, the result is saved to the library.</source>
        <translation>The relay cannot be told to stop, so it may still finish this task and charge for it. If it does, the result is saved to the library.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="155"/>
        <source>The request may already have reached the relay, which may still run it and charge for it. Its task id never arrived, so the result cannot be fetched.</source>
        <translation>The request may already have reached the relay, which may still run it and charge for it. Its task id never arrived, so the result cannot be fetched.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="160"/>
        <source>The relay ended this task without a result.</source>
        <translation>The relay ended this task without a result.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="163"/>
        <source>The relay sent no result within a day, so ecovdesk stopped checking; it may still have charged for this task.</source>
        <translation>The relay sent no result within a day, so ecovdesk stopped checking; it may still have charged for this task.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="208"/>
        <source>Upscale (Subtle)</source>
        <translation>Upscale (Subtle)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="209"/>
        <source>Upscale (Creative)</source>
        <translation>Upscale (Creative)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="210"/>
        <source>Upscale (2x)</source>
        <translation>Upscale (2x)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="211"/>
        <source>Upscale (4x)</source>
        <translation>Upscale (4x)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="212"/>
        <source>Vary (Subtle)</source>
        <translation>Vary (Subtle)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="213"/>
        <source>Vary (Strong)</source>
        <translation>Vary (Strong)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="214"/>
        <source>Vary (Region)</source>
        <translation>Vary (Region)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="215"/>
        <source>Zoom Out 2x</source>
        <translation>Zoom Out 2x</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="216"/>
        <source>Zoom Out 1.5x</source>
        <translation>Zoom Out 1.5x</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="217"/>
        <source>Custom Zoom</source>
        <translation>Custom Zoom</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="218"/>
        <source>Make Square</source>
        <translation>Make Square</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="229"/>
        <source>Reroll</source>
        <translation>Reroll</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="230"/>
        <source>Pan left</source>
        <translation>Pan left</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="231"/>
        <source>Pan right</source>
        <translation>Pan right</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="232"/>
        <source>Pan up</source>
        <translation>Pan up</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_words.py" line="233"/>
        <source>Pan down</source>
        <translation>Pan down</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="74"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="76"/>
        <source>Stop waiting for this job; the relay cannot be told to stop it</source>
        <translation>Stop waiting for this job; the relay cannot be told to stop it</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="79"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="81"/>
        <source>Resubmit</source>
        <translation>Resubmit</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="83"/>
        <source>Send the request again; this may be charged twice</source>
        <translation>Send the request again; this may be charged twice</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="86"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="88"/>
        <source>Split into four</source>
        <translation>Split into four</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="89"/>
        <source>Save the four pictures of the grid separately, free</source>
        <translation>Save the four pictures of the grid separately, free</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="91"/>
        <source>Listen now</source>
        <translation>Listen now</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="92"/>
        <source>Play the song while Suno is still making it</source>
        <translation>Play the song while Suno is still making it</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="107"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="108"/>
        <source>Look up the seed of this picture</source>
        <translation>Look up the seed of this picture</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="152"/>
        <source>From job #%1</source>
        <translation>From job #%1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_card.py" line="187"/>
        <source>Use: %1</source>
        <translation>Use: %1</translation>
    </message>
</context>
<context>
    <name>JobController</name>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="197"/>
        <source>ecovdesk will keep checking now and then, and save the result to the library if it arrives.</source>
        <translation>ecovdesk will keep checking now and then, and save the result to the library if it arrives.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="201"/>
        <source>Its task id has not arrived yet, so the result cannot be fetched.</source>
        <translation>Its task id has not arrived yet, so the result cannot be fetched.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="205"/>
        <source>Stop waiting for this job?</source>
        <translation>Stop waiting for this job?</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="207"/>
        <source>The relay cannot be told to stop a task once it is sent: it may still finish this one and charge for it.</source>
        <translation>The relay cannot be told to stop a task once it is sent: it may still finish this one and charge for it.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="211"/>
        <source>Stop waiting</source>
        <translation>Stop waiting</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="212"/>
        <source>Keep waiting</source>
        <translation>Keep waiting</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="233"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="243"/>
        <source>This job has already been retried; nothing was sent.</source>
        <translation>This job has already been retried; nothing was sent.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="249"/>
        <source>Resubmit</source>
        <translation>Resubmit</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="256"/>
        <source>Send the request again?</source>
        <translation>Send the request again?</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="260"/>
        <source>Don&apos;t send</source>
        <translation>Don&apos;t send</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="280"/>
        <source>The relay could not tell this picture&apos;s seed.</source>
        <translation>The relay could not tell this picture&apos;s seed.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="283"/>
        <source>Seed %1 (copied)</source>
        <translation>Seed %1 (copied)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="313"/>
        <source>Job finished</source>
        <translation>Job finished</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/job_controller.py" line="315"/>
        <source>Job did not finish</source>
        <translation>Job did not finish</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="67"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="68"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="69"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="70"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="71"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="72"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="73"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="176"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="178"/>
        <source>Stop waiting for this job; the relay cannot be told to stop it</source>
        <translation>Stop waiting for this job; the relay cannot be told to stop it</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="180"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="181"/>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="183"/>
        <source>Ask the relay about this job now; a finished job downloads its files again</source>
        <translation>Ask the relay about this job now; a finished job downloads its files again</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="185"/>
        <source>Resubmit</source>
        <translation>Resubmit</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="186"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="187"/>
        <source>Open result</source>
        <translation>Open result</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="222"/>
        <source>Midjourney, Suno and video jobs appear here while they run and after.</source>
        <translation>Midjourney, Suno and video jobs appear here while they run and after.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/jobs_panel.py" line="311"/>
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LongTextViewer</name>
    <message>
        <location filename="../../ecovdesk/ui/long_text_viewer.py" line="27"/>
        <source>Whole reply</source>
        <translation>Whole reply</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/long_text_viewer.py" line="38"/>
        <source>Copy all</source>
        <translation>Copy all</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="56"/>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="127"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="128"/>
        <source>Gallery</source>
        <translation>Gallery</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="129"/>
        <source>Music</source>
        <translation>Music</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="131"/>
        <source>Videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="132"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="24"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="27"/>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="32"/>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="37"/>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="44"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="46"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/window_menus.py" line="47"/>
        <source>About ecovdesk</source>
        <translation>About ecovdesk</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="278"/>
        <source>Could not refresh the model list: %1</source>
        <translation>Could not refresh the model list: %1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="285"/>
        <source>Model list updated.</source>
        <translation>Model list updated.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="331"/>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="331"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="346"/>
        <source>Enter your API key in Settings first.</source>
        <translation>Enter your API key in Settings first.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/main_window.py" line="414"/>
        <source>Pick a model that can see pictures to use this reference.</source>
        <translation>Pick a model that can see pictures to use this reference.</translation>
    </message>
</context>
<context>
    <name>MediaController</name>
    <message>
        <location filename="../../ecovdesk/ui/media_controller.py" line="242"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/media_controller.py" line="243"/>
        <source>Delete %n file(s) from the library? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n file from the library? This cannot be undone.</numerusform>
            <numerusform>Delete %n files from the library? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_controller.py" line="269"/>
        <source>Last frame of the video</source>
        <translation>Last frame of the video</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_controller.py" line="278"/>
        <source>The last frame could not be attached.</source>
        <translation>The last frame could not be attached.</translation>
    </message>
</context>
<context>
    <name>MediaHandoff</name>
    <message>
        <location filename="../../ecovdesk/ui/media_handoff.py" line="71"/>
        <source>Write the lyrics that follow, then press Generate.</source>
        <translation>Write the lyrics that follow, then press Generate.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_handoff.py" line="77"/>
        <source>Describe how the video goes on, then press Generate.</source>
        <translation>Describe how the video goes on, then press Generate.</translation>
    </message>
</context>
<context>
    <name>MediaLibraryPage</name>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="45"/>
        <source>Filter by title, style or prompt</source>
        <translation>Filter by title, style or prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="45"/>
        <source>Filter by prompt</source>
        <translation>Filter by prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="49"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="149"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="50"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="161"/>
        <source>Continue this song</source>
        <translation>Continue this song</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="51"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="165"/>
        <source>Extend</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="52"/>
        <source>Use last frame</source>
        <translation>Use last frame</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="53"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="168"/>
        <source>Use the last frame as the next start frame</source>
        <translation>Use the last frame as the next start frame</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="54"/>
        <location filename="../../ecovdesk/ui/media_library.py" line="174"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="138"/>
        <source>No songs match the filter.</source>
        <translation>No songs match the filter.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="139"/>
        <source>Songs you make with Suno appear here, kept for good.</source>
        <translation>Songs you make with Suno appear here, kept for good.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="141"/>
        <source>No videos match the filter.</source>
        <translation>No videos match the filter.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="142"/>
        <source>Videos you make appear here, kept for good.</source>
        <translation>Videos you make appear here, kept for good.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/media_library.py" line="127"/>
        <source>%n song(s)</source>
        <translation>
            <numerusform>%n song</numerusform>
            <numerusform>%n songs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/media_library.py" line="129"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="155"/>
        <source>Open the conversation it came from</source>
        <translation>Open the conversation it came from</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="172"/>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="173"/>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="178"/>
        <source>Save song</source>
        <translation>Save song</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="178"/>
        <source>Save video</source>
        <translation>Save video</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_library.py" line="225"/>
        <source>Only Luma videos can be extended</source>
        <translation>Only Luma videos can be extended</translation>
    </message>
</context>
<context>
    <name>MediaPlayerBase</name>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="49"/>
        <location filename="../../ecovdesk/ui/media_base.py" line="176"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="53"/>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="58"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="176"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="211"/>
        <source>the file is missing or cannot be read</source>
        <translation>the file is missing or cannot be read</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="212"/>
        <source>its format is not supported</source>
        <translation>its format is not supported</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="213"/>
        <source>the connection failed</source>
        <translation>the connection failed</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="214"/>
        <source>access to the file was refused</source>
        <translation>access to the file was refused</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/media_base.py" line="216"/>
        <source>unknown error</source>
        <translation>unknown error</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="104"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="107"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="111"/>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="417"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="419"/>
        <source>Save and resend</source>
        <translation>Save and resend</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="145"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="109"/>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="244"/>
        <source>Prompt: %1 · Size: %2</source>
        <translation>Prompt: %1 · Size: %2</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/conversation_actions.py" line="110"/>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="252"/>
        <source>Sources:</source>
        <translation>Sources:</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="331"/>
        <source>Copy code</source>
        <translation>Copy code</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="308"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="268"/>
        <source>Waiting for the reply…</source>
        <translation>Waiting for the reply…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="308"/>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="317"/>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="317"/>
        <source>Thought process</source>
        <translation>Thought process</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="332"/>
        <source>Shortened for display; Copy code copies all of it.</source>
        <translation>Shortened for display; Copy code copies all of it.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="333"/>
        <source>This reply is long; only its beginning is shown.</source>
        <translation>This reply is long; only its beginning is shown.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="334"/>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="374"/>
        <source>Tokens: %1 in · %2 out · %3 total</source>
        <translation>Tokens: %1 in · %2 out · %3 total</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/message_bubble.py" line="381"/>
        <source> (%1 thinking)</source>
        <translation> (%1 thinking)</translation>
    </message>
</context>
<context>
    <name>MidjourneyOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="31"/>
        <source>Midjourney options</source>
        <translation>Midjourney options</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="39"/>
        <source>Imagine</source>
        <translation>Imagine</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="40"/>
        <source>Blend 2–5 attached images</source>
        <translation>Blend 2–5 attached images</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="41"/>
        <source>Describe the attached image</source>
        <translation>Describe the attached image</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="42"/>
        <source>Shorten the prompt</source>
        <translation>Shorten the prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="47"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="172"/>
        <source>Square</source>
        <translation>Square</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="48"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="173"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="49"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="174"/>
        <source>Landscape</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="52"/>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="53"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="104"/>
        <source>Blend shape</source>
        <translation>Blend shape</translation>
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
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="64"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="109"/>
        <source>Raw style</source>
        <translation>Raw style</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="65"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="110"/>
        <source>Tile</source>
        <translation>Tile</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="67"/>
        <source>Random</source>
        <translation>Random</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="69"/>
        <source>Things to leave out</source>
        <translation>Things to leave out</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="76"/>
        <source>Relay default</source>
        <translation>Relay default</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="77"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="177"/>
        <source>Fast</source>
        <translation>Fast</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="78"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="178"/>
        <source>Relaxed</source>
        <translation>Relaxed</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="79"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="179"/>
        <source>Turbo</source>
        <translation>Turbo</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="82"/>
        <source>Aspect ratio</source>
        <translation>Aspect ratio</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="83"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="105"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="84"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="106"/>
        <source>Stylize</source>
        <translation>Stylize</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="85"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="107"/>
        <source>Chaos</source>
        <translation>Chaos</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="86"/>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="87"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="108"/>
        <source>Weird</source>
        <translation>Weird</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="90"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="91"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="111"/>
        <source>Leave out (--no)</source>
        <translation>Leave out (--no)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="92"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="112"/>
        <source>Style reference</source>
        <translation>Style reference</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="93"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="113"/>
        <source>Character reference</source>
        <translation>Character reference</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="94"/>
        <location filename="../../ecovdesk/ui/picture_params.py" line="114"/>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mj_options_panel.py" line="97"/>
        <source>Attached images are sent as image prompts.</source>
        <translation>Attached images are sent as image prompts.</translation>
    </message>
</context>
<context>
    <name>ModalDialog</name>
    <message>
        <location filename="../../ecovdesk/ui/mask_painter.py" line="78"/>
        <source>Midjourney needs a little more</source>
        <translation>Midjourney needs a little more</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mask_painter.py" line="82"/>
        <source>Drag over the parts to redraw.</source>
        <translation>Drag over the parts to redraw.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/mask_painter.py" line="85"/>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
</context>
<context>
    <name>ModelGroups</name>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="26"/>
        <source>OpenAI compatible</source>
        <translation>OpenAI compatible</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="27"/>
        <source>Kimi</source>
        <translation>Kimi</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="28"/>
        <source>Qwen</source>
        <translation>Qwen</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="29"/>
        <source>Zhipu GLM</source>
        <translation>Zhipu GLM</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="30"/>
        <source>Metaso search</source>
        <translation>Metaso search</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="31"/>
        <source>iFlytek Spark</source>
        <translation>iFlytek Spark</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="32"/>
        <source>Hailuo</source>
        <translation>Hailuo</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="33"/>
        <source>DeepSeek</source>
        <translation>DeepSeek</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="34"/>
        <source>OpenAI all-in-one (gpt-4o-all)</source>
        <translation>OpenAI all-in-one (gpt-4o-all)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="37"/>
        <source>Pictures</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="38"/>
        <source>Midjourney</source>
        <translation>Midjourney</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="39"/>
        <source>Suno music</source>
        <translation>Suno music</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="40"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="41"/>
        <source>Other models on the relay</source>
        <translation>Other models on the relay</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="163"/>
        <source>Choose the model (type to filter)</source>
        <translation>Choose the model (type to filter)</translation>
    </message>
</context>
<context>
    <name>ModelPopup</name>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="55"/>
        <source>Filter models…</source>
        <translation>Filter models…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="60"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="61"/>
        <source>Ask the relay for its current model list</source>
        <translation>Ask the relay for its current model list</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/model_picker.py" line="88"/>
        <source>Offered by the relay for your key</source>
        <translation>Offered by the relay for your key</translation>
    </message>
</context>
<context>
    <name>PendingAttachments</name>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="33"/>
        <source>The model chosen cannot see pictures. Pick one that can, then add it.</source>
        <translation>The model chosen cannot see pictures. Pick one that can, then add it.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="70"/>
        <source>%1 is too large to attach (at most %2 MB and %3 megapixels).</source>
        <translation>%1 is too large to attach (at most %2 MB and %3 megapixels).</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="75"/>
        <source>%1 is not an image that can be attached.</source>
        <translation>%1 is not an image that can be attached.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="83"/>
        <source>pasted image %1.png</source>
        <translation>pasted image %1.png</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="87"/>
        <source>The pasted picture could not be read.</source>
        <translation>The pasted picture could not be read.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="94"/>
        <source>Only http and https document links can be attached.</source>
        <translation>Only http and https document links can be attached.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/pending_attachments.py" line="105"/>
        <source>Attachments this model cannot take were removed.</source>
        <translation>Attachments this model cannot take were removed.</translation>
    </message>
</context>
<context>
    <name>PictureController</name>
    <message>
        <location filename="../../ecovdesk/ui/picture_controller.py" line="93"/>
        <source>Delete pictures</source>
        <translation>Delete pictures</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/picture_controller.py" line="95"/>
        <source>Delete %n picture(s) from the library? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n picture from the library? This cannot be undone.</numerusform>
            <numerusform>Delete %n pictures from the library? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_controller.py" line="113"/>
        <source>That picture could not be attached.</source>
        <translation>That picture could not be attached.</translation>
    </message>
</context>
<context>
    <name>PictureParams</name>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="37"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="44"/>
        <source>Prompt the model drew from:</source>
        <translation>Prompt the model drew from:</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="55"/>
        <source>Picture %1 of grid #%2</source>
        <translation>Picture %1 of grid #%2</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="65"/>
        <source>Made with the %1 button</source>
        <translation>Made with the %1 button</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="78"/>
        <source>Requested size: %1</source>
        <translation>Requested size: %1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="103"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
</context>
<context>
    <name>PictureReasons</name>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="19"/>
        <source>The file is too large.</source>
        <translation>The file is too large.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="20"/>
        <source>The link did not return a picture.</source>
        <translation>The link did not return a picture.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="23"/>
        <source>The picture is incomplete or damaged.</source>
        <translation>The picture is incomplete or damaged.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="26"/>
        <source>The picture is far too large to open safely.</source>
        <translation>The picture is far too large to open safely.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="29"/>
        <source>The vector picture refers to outside files or scripts.</source>
        <translation>The vector picture refers to outside files or scripts.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="32"/>
        <source>The file is not the kind of picture it claims to be.</source>
        <translation>The file is not the kind of picture it claims to be.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="35"/>
        <source>The picture could not be downloaded.</source>
        <translation>The picture could not be downloaded.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="38"/>
        <source>The picture&apos;s link has expired or no longer exists.</source>
        <translation>The picture&apos;s link has expired or no longer exists.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="41"/>
        <source>The file is a picture and also something else, such as a web page.</source>
        <translation>The file is a picture and also something else, such as a web page.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_reasons.py" line="46"/>
        <source>The picture could not be stored.</source>
        <translation>The picture could not be stored.</translation>
    </message>
</context>
<context>
    <name>SaveCopy</name>
    <message>
        <location filename="../../ecovdesk/ui/save_copy.py" line="81"/>
        <source>The copy could not be saved: the file is no longer in the library.</source>
        <translation>The copy could not be saved: the file is no longer in the library.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/save_copy.py" line="84"/>
        <source>The copy could not be saved: %1</source>
        <translation>The copy could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="61"/>
        <source>Welcome to ecovdesk</source>
        <translation>Welcome to ecovdesk</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="61"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="66"/>
        <source>Enter the address of your relay and your API key to start chatting.</source>
        <translation>Enter the address of your relay and your API key to start chatting.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="77"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="86"/>
        <source>Keep the key for this session only</source>
        <translation>Keep the key for this session only</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="91"/>
        <source>The key is kept in the system keyring, never in a file.</source>
        <translation>The key is kept in the system keyring, never in a file.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="97"/>
        <source>No system keyring is available, so the key can only be kept until ecovdesk closes. Set ECOVDESK_API_KEY to avoid typing it each time.</source>
        <translation>No system keyring is available, so the key can only be kept until ecovdesk closes. Set ECOVDESK_API_KEY to avoid typing it each time.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="107"/>
        <source>This key comes from ECOVDESK_API_KEY. Unset it to use another key.</source>
        <translation>This key comes from ECOVDESK_API_KEY. Unset it to use another key.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="111"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="120"/>
        <source>An HTTP or SOCKS5 proxy, e.g. socks5://127.0.0.1:7891</source>
        <translation>An HTTP or SOCKS5 proxy, e.g. socks5://127.0.0.1:7891</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="122"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="125"/>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="133"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="126"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="127"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="139"/>
        <source>Relay address</source>
        <translation>Relay address</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="141"/>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="146"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="147"/>
        <source>Request timeout</source>
        <translation>Request timeout</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="148"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="149"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="154"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="155"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="182"/>
        <source>Enter the relay&apos;s address, e.g. https://api.ecovai.cn</source>
        <translation>Enter the relay&apos;s address, e.g. https://api.ecovai.cn</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="185"/>
        <source>This is not a web address. A relay&apos;s address starts with https:// or http://, e.g. https://api.ecovai.cn</source>
        <translation>This is not a web address. A relay&apos;s address starts with https:// or http://, e.g. https://api.ecovai.cn</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="199"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ecovdesk/ui/settings_dialog.py" line="216"/>
        <source>Connected: the relay offers %n model(s).</source>
        <translation>
            <numerusform>Connected: the relay offers %n model.</numerusform>
            <numerusform>Connected: the relay offers %n models.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="83"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="85"/>
        <source>ecovdesk shows the new language once it starts again.</source>
        <translation>ecovdesk shows the new language once it starts again.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="93"/>
        <source>A reply still being written stops where it is and is kept; picture, music and video jobs already sent go on after the restart.</source>
        <translation>A reply still being written stops where it is and is kept; picture, music and video jobs already sent go on after the restart.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="100"/>
        <source>Restart now</source>
        <translation>Restart now</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/settings_flow.py" line="104"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>SunoOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="56"/>
        <source>Song options</source>
        <translation>Song options</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="65"/>
        <source>Inspiration</source>
        <translation>Inspiration</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="66"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="67"/>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="76"/>
        <source>Describe the song in the message box; Suno writes the lyrics, title and style.</source>
        <translation>Describe the song in the message box; Suno writes the lyrics, title and style.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="83"/>
        <source>Continue a song</source>
        <translation>Continue a song</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="86"/>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="218"/>
        <source>Pick a song in the music library and choose “Continue this song”.</source>
        <translation>Pick a song in the music library and choose “Continue this song”.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="91"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="95"/>
        <source>Song</source>
        <translation>Song</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="96"/>
        <source>From second</source>
        <translation>From second</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="104"/>
        <source>Song title</source>
        <translation>Song title</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="106"/>
        <source>Style, e.g. emotional punk</source>
        <translation>Style, e.g. emotional punk</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="110"/>
        <source>Add this style</source>
        <translation>Add this style</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="115"/>
        <source>Styles to avoid</source>
        <translation>Styles to avoid</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="119"/>
        <source>Insert a section marker</source>
        <translation>Insert a section marker</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="124"/>
        <source>[Verse]
Your lyrics…</source>
        <translation>[Verse]
Your lyrics…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="128"/>
        <source>What the lyrics should be about</source>
        <translation>What the lyrics should be about</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="129"/>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="276"/>
        <source>Write lyrics for me</source>
        <translation>Write lyrics for me</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="116"/>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="135"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/picture_params.py" line="117"/>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="136"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="138"/>
        <source>Avoid</source>
        <translation>Avoid</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="139"/>
        <source>Lyrics</source>
        <translation>Lyrics</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="145"/>
        <source>Instrumental (no vocals)</source>
        <translation>Instrumental (no vocals)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="200"/>
        <source>Untitled song</source>
        <translation>Untitled song</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="229"/>
        <source>Choose a song to continue in the Music tab first.</source>
        <translation>Choose a song to continue in the Music tab first.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="276"/>
        <source>Writing lyrics…</source>
        <translation>Writing lyrics…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="292"/>
        <source>The lyrics could not be written: %1</source>
        <translation>The lyrics could not be written: %1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/suno_options_panel.py" line="312"/>
        <source>Type what the lyrics should be about, or a title or style first</source>
        <translation>Type what the lyrics should be about, or a title or style first</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ecovdesk/ui/tray.py" line="16"/>
        <source>Show or hide ecovdesk</source>
        <translation>Show or hide ecovdesk</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/tray.py" line="19"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/tray.py" line="34"/>
        <source>ecovdesk — %n job(s) running</source>
        <translation>ecovdesk — %n job(s) running</translation>
    </message>
</context>
<context>
    <name>VideoOptionsPanel</name>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="59"/>
        <source>Video options</source>
        <translation>Video options</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="69"/>
        <source>Loop seamlessly</source>
        <translation>Loop seamlessly</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="70"/>
        <source>Improve the prompt</source>
        <translation>Improve the prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="72"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="76"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="239"/>
        <source>Relay default</source>
        <translation>Relay default</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="77"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="194"/>
        <source>Aspect ratio</source>
        <translation>Aspect ratio</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="80"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="81"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="195"/>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="82"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="86"/>
        <source>Attach one image to start from it; attach two for the first and last frames.</source>
        <translation>Attach one image to start from it; attach two for the first and last frames.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="99"/>
        <source>Cinematic</source>
        <translation>Cinematic</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="239"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="103"/>
        <source>Camera motion</source>
        <translation>Camera motion</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="108"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="172"/>
        <source>Horizontal</source>
        <translation>Horizontal</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="109"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="173"/>
        <source>Vertical</source>
        <translation>Vertical</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="110"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="177"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="111"/>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="176"/>
        <source>Roll</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="112"/>
        <source>Background pan, horizontal</source>
        <translation>Background pan, horizontal</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="113"/>
        <source>Background pan, vertical</source>
        <translation>Background pan, vertical</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="130"/>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="131"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="132"/>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="135"/>
        <source>Attach an image to turn it into a video.</source>
        <translation>Attach an image to turn it into a video.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="143"/>
        <source>What the video should not contain</source>
        <translation>What the video should not contain</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="145"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="146"/>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="156"/>
        <source>How closely the video follows the prompt</source>
        <translation>How closely the video follows the prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="159"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="160"/>
        <source>Simple (set the values below)</source>
        <translation>Simple (set the values below)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="161"/>
        <source>Down and back</source>
        <translation>Down and back</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="162"/>
        <source>Forward and up</source>
        <translation>Forward and up</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="163"/>
        <source>Turn right, then forward</source>
        <translation>Turn right, then forward</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="164"/>
        <source>Turn left, then forward</source>
        <translation>Turn left, then forward</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="168"/>
        <source>Camera movement (one value only)</source>
        <translation>Camera movement (one value only)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="174"/>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="175"/>
        <source>Tilt</source>
        <translation>Tilt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="188"/>
        <source>Make pictures (Kolors)</source>
        <translation>Make pictures (Kolors)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="189"/>
        <source>Make pictures with Kolors instead of a video</source>
        <translation>Make pictures with Kolors instead of a video</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="192"/>
        <source>Negative prompt</source>
        <translation>Negative prompt</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="193"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="196"/>
        <source>Prompt strength</source>
        <translation>Prompt strength</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="197"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_options_panel.py" line="201"/>
        <source>Attach an image to start from it; a second one becomes the last frame.</source>
        <translation>Attach an image to start from it; a second one becomes the last frame.</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="42"/>
        <source>One frame back</source>
        <translation>One frame back</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="44"/>
        <source>One frame forward</source>
        <translation>One frame forward</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="46"/>
        <source>Loop</source>
        <translation>Loop</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="48"/>
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="48"/>
        <source>Full screen (F, Esc to leave)</source>
        <translation>Full screen (F, Esc to leave)</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="50"/>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="51"/>
        <source>Close the video</source>
        <translation>Close the video</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="184"/>
        <location filename="../../ecovdesk/ui/video_player.py" line="188"/>
        <source>Save video</source>
        <translation>Save video</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="184"/>
        <location filename="../../ecovdesk/ui/video_player.py" line="232"/>
        <source>This video is no longer in the library.</source>
        <translation>This video is no longer in the library.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="228"/>
        <source>Save a copy of this video</source>
        <translation>Save a copy of this video</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="234"/>
        <source>The video can be saved once it has finished downloading</source>
        <translation>The video can be saved once it has finished downloading</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="239"/>
        <source>This video cannot be played: %1</source>
        <translation>This video cannot be played: %1</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/video_player.py" line="241"/>
        <source>No audio output device was found; the video plays without sound.</source>
        <translation>No audio output device was found; the video plays without sound.</translation>
    </message>
</context>
<context>
    <name>WriteFailure</name>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="20"/>
        <source>that folder cannot be written to.</source>
        <translation>that folder cannot be written to.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="22"/>
        <source>the disk is full.</source>
        <translation>the disk is full.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="24"/>
        <source>that folder no longer exists.</source>
        <translation>that folder no longer exists.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="26"/>
        <source>a folder already has that name.</source>
        <translation>a folder already has that name.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="28"/>
        <source>the file name is too long.</source>
        <translation>the file name is too long.</translation>
    </message>
    <message>
        <location filename="../../ecovdesk/ui/write_failure.py" line="29"/>
        <source>the system refused to write the file.</source>
        <translation>the system refused to write the file.</translation>
    </message>
</context>
</TS>
