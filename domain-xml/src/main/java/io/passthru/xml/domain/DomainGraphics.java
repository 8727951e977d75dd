package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <graphics type='vnc'|'spice'|'sdl'|'rdp'|'desktop'|'egl-headless'|'dbus' ...>}
 * (formatdomain.html#graphical-framebuffers). The {@code listen} attribute mirrors the first {@code <listen>}.
 */
@XmlRootElement(name = "graphics")
@XmlType(propOrder = {"listens", "channels", "image", "jpeg", "zlib", "playback", "streaming", "mouse", "clipboard", "fileTransfer", "gl", "audio", "extra"})
public class DomainGraphics extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "port")
    private String port;
    @XmlAttribute(name = "autoport")
    private String autoport;
    @XmlAttribute(name = "websocket")
    private String websocket;
    @XmlAttribute(name = "tlsPort")
    private String tlsPort;
    @XmlAttribute(name = "listen")
    private String listen;
    @XmlAttribute(name = "socket")
    private String socket;
    @XmlAttribute(name = "passwd")
    private String passwd;
    @XmlAttribute(name = "passwdValidTo")
    private String passwdValidTo;
    @XmlAttribute(name = "connected")
    private String connected;
    @XmlAttribute(name = "keymap")
    private String keymap;
    @XmlAttribute(name = "sharePolicy")
    private String sharePolicy;
    @XmlAttribute(name = "defaultMode")
    private String defaultMode;
    @XmlAttribute(name = "powerControl")
    private String powerControl;
    @XmlAttribute(name = "display")
    private String display;
    @XmlAttribute(name = "xauth")
    private String xauth;
    @XmlAttribute(name = "fullscreen")
    private String fullscreen;
    @XmlAttribute(name = "multiUser")
    private String multiUser;
    @XmlAttribute(name = "replaceUser")
    private String replaceUser;
    @XmlAttribute(name = "username")
    private String username;
    @XmlAttribute(name = "address")
    private String address;
    @XmlAttribute(name = "p2p")
    private String p2p;
    @XmlElement(name = "listen")
    private List<DomainGraphicsListen> listens;
    @XmlElement(name = "channel")
    private List<DomainGraphicsChannel> channels;
    @XmlElement(name = "image")
    private DomainGraphicsImage image;
    @XmlElement(name = "jpeg")
    private DomainGraphicsJpeg jpeg;
    @XmlElement(name = "zlib")
    private DomainGraphicsZlib zlib;
    @XmlElement(name = "playback")
    private DomainGraphicsPlayback playback;
    @XmlElement(name = "streaming")
    private DomainGraphicsStreaming streaming;
    @XmlElement(name = "mouse")
    private DomainGraphicsMouse mouse;
    @XmlElement(name = "clipboard")
    private DomainGraphicsClipboard clipboard;
    @XmlElement(name = "filetransfer")
    private DomainGraphicsFileTransfer fileTransfer;
    @XmlElement(name = "gl")
    private DomainGraphicsGl gl;
    @XmlElement(name = "audio")
    private DomainGraphicsAudio audio;

    public DomainGraphics() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getAutoport() {
        return autoport;
    }

    public void setAutoport(String autoport) {
        this.autoport = autoport;
    }

    public String getWebsocket() {
        return websocket;
    }

    public void setWebsocket(String websocket) {
        this.websocket = websocket;
    }

    public String getTlsPort() {
        return tlsPort;
    }

    public void setTlsPort(String tlsPort) {
        this.tlsPort = tlsPort;
    }

    public String getListen() {
        return listen;
    }

    public void setListen(String listen) {
        this.listen = listen;
    }

    public String getSocket() {
        return socket;
    }

    public void setSocket(String socket) {
        this.socket = socket;
    }

    public String getPasswd() {
        return passwd;
    }

    public void setPasswd(String passwd) {
        this.passwd = passwd;
    }

    public String getPasswdValidTo() {
        return passwdValidTo;
    }

    public void setPasswdValidTo(String passwdValidTo) {
        this.passwdValidTo = passwdValidTo;
    }

    public String getConnected() {
        return connected;
    }

    public void setConnected(String connected) {
        this.connected = connected;
    }

    public String getKeymap() {
        return keymap;
    }

    public void setKeymap(String keymap) {
        this.keymap = keymap;
    }

    public String getSharePolicy() {
        return sharePolicy;
    }

    public void setSharePolicy(String sharePolicy) {
        this.sharePolicy = sharePolicy;
    }

    public String getDefaultMode() {
        return defaultMode;
    }

    public void setDefaultMode(String defaultMode) {
        this.defaultMode = defaultMode;
    }

    public String getPowerControl() {
        return powerControl;
    }

    public void setPowerControl(String powerControl) {
        this.powerControl = powerControl;
    }

    public String getDisplay() {
        return display;
    }

    public void setDisplay(String display) {
        this.display = display;
    }

    public String getXauth() {
        return xauth;
    }

    public void setXauth(String xauth) {
        this.xauth = xauth;
    }

    public String getFullscreen() {
        return fullscreen;
    }

    public void setFullscreen(String fullscreen) {
        this.fullscreen = fullscreen;
    }

    public String getMultiUser() {
        return multiUser;
    }

    public void setMultiUser(String multiUser) {
        this.multiUser = multiUser;
    }

    public String getReplaceUser() {
        return replaceUser;
    }

    public void setReplaceUser(String replaceUser) {
        this.replaceUser = replaceUser;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getP2p() {
        return p2p;
    }

    public void setP2p(String p2p) {
        this.p2p = p2p;
    }

    /** The {@code <listen>} elements in document order; live, never {@code null}. */
    public List<DomainGraphicsListen> getListens() {
        if (listens == null) {
            listens = new ArrayList<>();
        }
        return listens;
    }

    /** The {@code <channel>} elements in document order; live, never {@code null}. */
    public List<DomainGraphicsChannel> getChannels() {
        if (channels == null) {
            channels = new ArrayList<>();
        }
        return channels;
    }

    public DomainGraphicsImage getImage() {
        return image;
    }

    public void setImage(DomainGraphicsImage image) {
        this.image = image;
    }

    public DomainGraphicsJpeg getJpeg() {
        return jpeg;
    }

    public void setJpeg(DomainGraphicsJpeg jpeg) {
        this.jpeg = jpeg;
    }

    public DomainGraphicsZlib getZlib() {
        return zlib;
    }

    public void setZlib(DomainGraphicsZlib zlib) {
        this.zlib = zlib;
    }

    public DomainGraphicsPlayback getPlayback() {
        return playback;
    }

    public void setPlayback(DomainGraphicsPlayback playback) {
        this.playback = playback;
    }

    public DomainGraphicsStreaming getStreaming() {
        return streaming;
    }

    public void setStreaming(DomainGraphicsStreaming streaming) {
        this.streaming = streaming;
    }

    public DomainGraphicsMouse getMouse() {
        return mouse;
    }

    public void setMouse(DomainGraphicsMouse mouse) {
        this.mouse = mouse;
    }

    public DomainGraphicsClipboard getClipboard() {
        return clipboard;
    }

    public void setClipboard(DomainGraphicsClipboard clipboard) {
        this.clipboard = clipboard;
    }

    public DomainGraphicsFileTransfer getFileTransfer() {
        return fileTransfer;
    }

    public void setFileTransfer(DomainGraphicsFileTransfer fileTransfer) {
        this.fileTransfer = fileTransfer;
    }

    public DomainGraphicsGl getGl() {
        return gl;
    }

    public void setGl(DomainGraphicsGl gl) {
        this.gl = gl;
    }

    public DomainGraphicsAudio getAudio() {
        return audio;
    }

    public void setAudio(DomainGraphicsAudio audio) {
        this.audio = audio;
    }
}
